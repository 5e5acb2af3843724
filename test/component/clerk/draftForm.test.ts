// @vitest-environment jsdom
/**
 * A clerk who starts typing the moment the form opens must not have the
 * draft, read back a moment later, overwrite (or be glued to) what they typed:
 * the fields stay disabled until the draft is back.
 */
import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { ensureLocale, i18n } from '../../../src/modules/i18n'
import ClerkNoticeFormView from '../../../src/views/clerk/ClerkNoticeFormView.vue'
import { useDraftsStore } from '../../../src/stores/drafts'
import type { Draft } from '../../../src/clerk/model'

let pinia: Pinia
beforeEach(async () => {
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
  await ensureLocale('zh-CN')
})

function mountForm() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<div />' } }] })
  return mount(ClerkNoticeFormView, { props: { id: 'new' }, global: { plugins: [pinia, i18n, router] } })
}

describe('clerk notice form and its draft', () => {
  it('cannot be typed into until the draft is read back, then shows the draft', async () => {
    const drafts = useDraftsStore()
    let release!: (d: Draft) => void
    vi.spyOn(drafts, 'load').mockReturnValue(new Promise<Draft | undefined>((r) => (release = r)))
    const w = mountForm()
    const fields = w.get('[data-testid="form-fields"]').element as HTMLFieldSetElement
    expect(fields.disabled).toBe(true)

    release({ id: 'notice:new', kind: 'notice', recordId: null, fields: { text: '上次没写完的公示' }, pendingPhotos: [], updatedAt: '2026-12-01T08:00:00Z' })
    await flushPromises()
    expect(fields.disabled).toBe(false)
    expect((w.get('[data-testid="notice-text-input"]').element as HTMLTextAreaElement).value).toBe('上次没写完的公示')
    expect(w.find('[data-testid="draft-restored"]').exists()).toBe(true)
  })

  it('opens for typing at once when there is no draft', async () => {
    const w = mountForm()
    await flushPromises()
    await vi.waitFor(() => expect((w.get('[data-testid="form-fields"]').element as HTMLFieldSetElement).disabled).toBe(false))
    expect(w.find('[data-testid="draft-restored"]').exists()).toBe(false)
  })
})
