// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { ensureLocale, i18n } from '../../../src/modules/i18n'
import ClerkClockWarning from '../../../src/components/clerk/ClerkClockWarning.vue'
import { useClockStore } from '../../../src/stores/clock'
import { useContentStore, type SourceContent } from '../../../src/stores/content'

let pinia: Pinia
beforeEach(async () => {
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
  await ensureLocale('zh-CN')
})

function withContentGeneratedAt(iso: string, deviceNow: string) {
  const content = useContentStore()
  content.bySource = new Map([['default', { record: { generatedAt: iso }, notices: [] } as unknown as SourceContent]])
  useClockStore().minute = new Date(deviceNow)
}

describe('clerk screen clock warning', () => {
  it('says so when the device clock is before the content was generated', () => {
    withContentGeneratedAt('2026-11-27T08:00:00+08:00', '2020-01-01T09:00:00+08:00')
    const w = mount(ClerkClockWarning, { global: { plugins: [pinia, i18n] } })
    expect(w.get('[data-testid="clerk-clock-wrong"]').text()).toContain('本机时间不对')
    expect(w.text()).toContain('2026')
  })

  it('stays silent when the clock is after the content', () => {
    withContentGeneratedAt('2026-11-27T08:00:00+08:00', '2026-11-28T09:00:00+08:00')
    const w = mount(ClerkClockWarning, { global: { plugins: [pinia, i18n] } })
    expect(w.find('[data-testid="clerk-clock-wrong"]').exists()).toBe(false)
  })
})
