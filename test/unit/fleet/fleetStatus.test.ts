// @vitest-environment jsdom
/**
 * #/status for a technician: the device clock warning (also what the clerk
 * screen uses, via useClockSanity) and the storage warning before it is full.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { ensureLocale, i18n } from '../../../src/modules/i18n'
import FleetStatus from '../../../src/components/status/FleetStatus.vue'
import { useContentStore, type SourceContent } from '../../../src/stores/content'
import { useClockStore } from '../../../src/stores/clock'
import { deleteDatabase } from '../../../src/db'

let pinia: Pinia
beforeEach(async () => {
  await deleteDatabase()
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
  await ensureLocale('zh-CN') // status and fleet messages load lazily, as in the app (the router waits for them)
})
afterEach(() => vi.unstubAllGlobals())

function withContent(generatedAt: string) {
  const content = useContentStore()
  content.bySource = new Map([['default', { record: { generatedAt, revision: 3, village: { name: '桐溪村' } }, notices: [] } as unknown as SourceContent]])
}

function stubStorage(usage: number, quota: number) {
  vi.stubGlobal('navigator', { ...navigator, onLine: true, storage: { estimate: async () => ({ usage, quota }), persisted: async () => false, persist: async () => false } })
}

describe('FleetStatus', () => {
  it('says the device clock is wrong when it is before the content was generated', async () => {
    stubStorage(10, 1000)
    withContent('2026-11-27T08:00:00+08:00')
    useClockStore().minute = new Date('2001-01-01T00:00:00Z')
    useClockStore().now = new Date('2001-01-01T00:00:00Z')
    const w = mount(FleetStatus, { global: { plugins: [pinia, i18n] } })
    await flushPromises()
    expect(w.get('[data-testid="clock-wrong"]').text()).toContain('本机时间不对')
    expect(w.find('[data-testid="storage-warning"]').exists()).toBe(false)
    w.unmount()
  })

  it('warns before storage is full, and shows no clock warning with a plausible clock', async () => {
    stubStorage(900, 1000)
    withContent('2026-11-27T08:00:00+08:00')
    useClockStore().minute = new Date('2026-11-27T06:00:00Z')
    const w = mount(FleetStatus, { global: { plugins: [pinia, i18n] } })
    await vi.waitFor(() => expect(w.find('[data-testid="storage-warning"]').exists()).toBe(true))
    expect(w.get('[data-testid="storage-warning"]').text()).toContain('存储空间快满了')
    expect(w.get('[data-testid="fleet-storage"]').text()).toContain('90%')
    expect(w.find('[data-testid="clock-wrong"]').exists()).toBe(false)
    // the heartbeat shown is this kiosk's: an id is made once and kept
    await vi.waitFor(() => expect(w.get('[data-testid="fleet-kiosk-id"]').text()).toMatch(/^kiosk-[0-9a-f]{8}$/))
    w.unmount()
  })
})
