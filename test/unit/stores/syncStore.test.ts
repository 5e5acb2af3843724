// @vitest-environment jsdom
/**
 * The sync worker is the kiosk's only sync engine (issue 13): the page starts
 * it, and when it says a revision of one source went live the page reads that
 * source again — not every source, not the village layer — and shows it.
 */
import { allRows } from '../../../src/notice/noticeRows'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import * as db from '../../../src/db'
import { commitRevision, deleteDatabase } from '../../../src/db'
import { DEFAULT_CONFIG } from '../../../src/config/runtime'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import { FakeSyncWorker as FakeWorker } from '../../support/fakeSyncWorker'
import { useConfigStore } from '../../../src/stores/config'
import { useContentStore } from '../../../src/stores/content'
import { useSyncStore } from '../../../src/stores/sync'
import { baseFeed } from '../../support/feeds'

async function store(sourceId: string, revision: number, title: string) {
  const r = validateFeed(baseFeed(revision, { notices: [{ id: 'N-1', title, content_text: '内容', date_published: '2026-11-20T09:00:00+08:00' }] }))
  if (!r.ok) throw new Error('fixture invalid')
  await commitRevision({ sourceId, revision, sha256: `sha${revision}`, content: normalizeFeed(r.feed, 'https://town.example/feed.json', sourceId), assets: [], assetUrls: [] })
}

beforeEach(async () => {
  await deleteDatabase()
  setActivePinia(createPinia())
  FakeWorker.all = []
  vi.stubGlobal('Worker', FakeWorker)
  useConfigStore().config = { ...DEFAULT_CONFIG, feeds: [{ id: 'a', url: 'https://town.example/a.json' }, { id: 'b', url: 'https://town.example/b.json' }] }
})
afterEach(() => {
  useSyncStore().$dispose()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const flush = () => new Promise((r) => setTimeout(r, 50))

describe('sync store: the worker is the only engine', () => {
  it('starts the worker with the configured sources and never fetches on the main thread', async () => {
    const fetchSpy = vi.fn()
    vi.stubGlobal('fetch', fetchSpy)
    await useSyncStore().start()
    expect(FakeWorker.all).toHaveLength(1)
    const start = FakeWorker.all[0]!.sent[0]
    expect(start?.type === 'start' && start.settings.sources.map((s) => s.id)).toEqual(['a', 'b'])
    await flush()
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('after "applied" for one source reads only that source again and shows its new revision', async () => {
    await store('a', 1, '一号公示')
    await store('b', 1, '乙村公示')
    const content = useContentStore()
    await content.loadAll(['a', 'b'])
    const sync = useSyncStore()
    await sync.start()
    await store('a', 2, '二号公示') // what the worker committed
    const reads = vi.spyOn(db, 'getLiveContentSliced')
    const villageReads = vi.spyOn(db, 'readClerkRecords')
    FakeWorker.all[0]!.reply({ type: 'applied', sourceId: 'a', revision: 2, ms: 5 })
    await expect.poll(() => content.bySource.get('a')?.record.revision).toBe(2)
    expect(allRows(content.bySource.get('a')!.notices).map((n) => n.title)).toEqual(['二号公示'])
    expect(reads.mock.calls.map((c) => c[0])).toEqual(['a'])
    expect(villageReads).not.toHaveBeenCalled()
    expect(allRows(content.bySource.get('b')!.notices).map((n) => n.title)).toEqual(['乙村公示'])
  })

  it('a kiosk that starts empty shows the first source the worker applies', async () => {
    const content = useContentStore()
    await content.loadAll(['a', 'b'])
    await useSyncStore().start()
    await store('b', 1, '乙村公示')
    FakeWorker.all[0]!.reply({ type: 'applied', sourceId: 'b', revision: 1, ms: 5 })
    await expect.poll(() => content.allNotices().map((n) => n.title)).toEqual(['乙村公示'])
    expect(content.activeSourceId).toBe('b')
  })

  it('a second start replaces the worker and the online/offline state still follows the window once', async () => {
    const sync = useSyncStore()
    const added = vi.spyOn(window, 'addEventListener')
    await sync.start()
    await sync.start()
    expect(FakeWorker.all).toHaveLength(2)
    expect(FakeWorker.all[0]!.terminated).toBe(true)
    expect(added.mock.calls.filter(([type]) => type === 'offline')).toHaveLength(0) // the store listens from its creation, not per start
    window.dispatchEvent(new Event('offline'))
    expect(sync.online).toBe(false)
    window.dispatchEvent(new Event('online'))
    expect(sync.online).toBe(true)
    expect(FakeWorker.all[1]!.sent.filter((m) => m.type === 'online')).toHaveLength(1)
    expect(FakeWorker.all[0]!.sent.filter((m) => m.type === 'online')).toHaveLength(0)
  })

  it('without workers it runs no sync at all and says so', async () => {
    vi.stubGlobal('Worker', undefined)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const fetchSpy = vi.fn()
    vi.stubGlobal('fetch', fetchSpy)
    await useSyncStore().start()
    await flush()
    expect(fetchSpy).not.toHaveBeenCalled()
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('sync worker could not start'))
  })
})

describe('the 未联网 badge (sync.connected)', () => {
  const failed = (sourceId: string, code: string) =>
    db.putSyncState({ sourceId, consecutiveFailures: 1, lastError: { code, at: '2026-12-02T10:00:00Z' } })
  /** sources a and b, their last attempts failed with these codes, as the store sees them */
  async function lastFailures(a: string, b: string) {
    const sync = useSyncStore()
    await failed('a', a)
    await failed('b', b)
    await sync.refreshState('a')
    await sync.refreshState('b')
    return sync
  }

  it('shows when every source failed for want of a network, though navigator.onLine says online', async () => {
    const sync = await lastFailures('network', 'offline')
    expect(sync.online).toBe(true)
    expect(sync.connected).toBe(false)
  })

  it('does not show while one source still syncs, nor for a bad feed', async () => {
    const sync = await lastFailures('network', 'invalid')
    expect(sync.connected).toBe(true)
    await db.putSyncState({ sourceId: 'b', consecutiveFailures: 0, lastSuccessAt: '2026-12-02T10:00:00Z' })
    await sync.refreshState('b')
    expect(sync.connected).toBe(true)
  })
})
