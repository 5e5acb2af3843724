// @vitest-environment jsdom
/**
 * The boot snapshot is taken of a resident screen at idle, with what it shows, and clerk mode never leaves one
 * stored: what clerk mode changes (the village layer) is no new revision, so a snapshot from before it could show
 * residents a screen that is no longer true.
 */
import { EMPTY_TABLE } from '../../../src/notice/noticeTable'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { effectScope, nextTick } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { deleteDatabase } from '../../../src/db'
import { KV_KEYS, kvGet, kvSet } from '../../../src/db/kv'
import type { RevisionRecord } from '../../../src/db/schema'
import type { StoredSnapshot } from '../../../src/perf/snapshotRule'
import { useBootSnapshotSaving } from '../../../src/perf/snapshotSave'
import { useContentStore } from '../../../src/stores/content'
import { useKioskStore } from '../../../src/stores/kiosk'

const Screen = { render: () => null }
let scope: ReturnType<typeof effectScope>

async function kiosk() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: Screen }, { path: '/checklist', component: Screen }, { path: '/notices', component: Screen }] })
  await router.push('/checklist')
  const content = useContentStore()
  content.setLive('default', { record: { sourceId: 'default', revision: 3, checklist: [], categories: [] } as unknown as RevisionRecord, notices: EMPTY_TABLE })
  content.loaded = true
  document.body.innerHTML = '<div id="app"><header><time class="clock"><span class="time">10:00</span></time></header><main id="main"><h1 data-testid="screen-title">公开清单</h1><div data-snapshot-skip>看板</div></main></div>'
  scope = effectScope()
  scope.run(() => useBootSnapshotSaving(router))
  return { router, content, kiosk: useKioskStore() }
}
const stored = () => kvGet<StoredSnapshot>(KV_KEYS.bootSnapshot)
/** past first content's fallback, the settling delay and the idle wait (jsdom has no requestIdleCallback) */
const idle = async () => {
  await vi.advanceTimersByTimeAsync(10_000)
  vi.useRealTimers()
  await new Promise((r) => setTimeout(r, 50))
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
}

beforeEach(async () => {
  await deleteDatabase()
  setActivePinia(createPinia())
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  scope?.stop()
  vi.useRealTimers()
})

describe('the boot snapshot is taken', () => {
  it('of a resident screen at idle: its route, the live revision, the village, and its markup without the skipped parts', async () => {
    await kiosk()
    await idle()
    const s = await stored()
    expect(s).toMatchObject({ route: '/checklist', revisions: { default: 3 }, active: 'default', locale: 'zh-CN' })
    expect(s!.html).toContain('公开清单')
    expect(s!.html).not.toContain('看板')
    expect(s!.html).not.toContain('id="main"')
    // a test id points at the app's own element only; the picture's is renamed
    expect(s!.html).not.toContain('data-testid')
    expect(s!.html).toContain('data-snapshot-testid="screen-title"')
    expect(s!.validUntil).toBeGreaterThan(s!.savedAt)
  })

  it('never of another screen', async () => {
    const { router } = await kiosk()
    await router.push('/notices')
    await idle()
    expect(await stored()).toBeUndefined()
  })

  it('never while a resident has larger text or high contrast on (a start shows the standard screen)', async () => {
    const k = await kiosk()
    k.kiosk.textSize = 'large'
    await idle()
    expect(await stored()).toBeUndefined()
  })

  it('never in clerk mode, and entering clerk mode drops the stored one', async () => {
    const k = await kiosk()
    await kvSet(KV_KEYS.bootSnapshot, { route: '/checklist', html: '<p>旧</p>' })
    k.kiosk.mode = 'clerk'
    await nextTick()
    await idle()
    expect(await stored()).toBeUndefined()
  })
})
