// @vitest-environment jsdom
/**
 * The console's editor checks a draft as it is typed (the CLI's lint on the server), half a second after the
 * last change. A check still waiting when the staffer leaves the editor, signs out or saves is dropped: it
 * would go out after the session ended (401) or check what saving checks anyway.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { defineComponent, h, nextTick, ref } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '../../../township/web/modules/i18n'
import { publishApi, type Draft, type FeedItem } from '../../../township/web/api/publish'
import { useDraftEditor } from '../../../township/web/composables/useDraftEditor'

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

async function editor() {
  const title = ref('关于冬季防火的通知')
  let api!: ReturnType<typeof useDraftEditor>
  const Editor = defineComponent({
    setup() {
      api = useDraftEditor({ kind: 'notice', path: 'drafts', content: () => ({ id: 'new', title: title.value }) as FeedItem, watched: title })
      return () => h('p', title.value)
    },
  })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/publish/:code/drafts/:id', component: Editor }] })
  await router.push('/publish/341000000001/drafts/new')
  const wrapper = mount(Editor, { global: { plugins: [createPinia(), i18n, router] } })
  return { title, wrapper, api: () => api }
}

describe('check as you type in the console editor', () => {
  it('checks half a second after the last change', async () => {
    const lint = vi.spyOn(publishApi, 'lint').mockResolvedValue({ findings: [], size: null as never })
    const e = await editor()
    e.title.value += '（一）'
    await nextTick()
    e.title.value += '（二）'
    await nextTick()
    vi.advanceTimersByTime(400)
    expect(lint).not.toHaveBeenCalled()
    vi.advanceTimersByTime(200)
    expect(lint).toHaveBeenCalledTimes(1)
    expect(lint.mock.calls[0]![1]).toMatchObject({ title: '关于冬季防火的通知（一）（二）' })
  })

  it('drops a waiting check when the editor is left (as on signing out)', async () => {
    const lint = vi.spyOn(publishApi, 'lint').mockResolvedValue({ findings: [], size: null as never })
    const e = await editor()
    e.title.value += '（改）'
    await nextTick()
    e.wrapper.unmount()
    vi.advanceTimersByTime(2000)
    expect(lint).not.toHaveBeenCalled()
  })

  it('drops a waiting check when the draft is saved (saving checks it)', async () => {
    const lint = vi.spyOn(publishApi, 'lint').mockResolvedValue({ findings: [], size: null as never })
    const saved = { id: 7, itemId: 'n-7', state: 'draft', findings: [], size: null } as unknown as Draft
    vi.spyOn(publishApi, 'create').mockResolvedValue(saved)
    const e = await editor()
    e.title.value += '（改）'
    await nextTick()
    await e.api().save()
    vi.advanceTimersByTime(2000)
    expect(lint).not.toHaveBeenCalled()
  })
})
