/**
 * Start-up reading of stored content: the checklist is there before a
 * township's notices have been read, and the screens stop waiting even when
 * storage fails.
 */
import { EMPTY_TABLE } from '../../../src/notice/noticeTable'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { watch } from 'vue'
import { commitRevision, deleteDatabase } from '../../../src/db'
import * as db from '../../../src/db'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import { useContentStore } from '../../../src/stores/content'
import { baseFeed } from '../../support/feeds'

async function storeRevision(notices: number) {
  const items = Array.from({ length: notices }, (_, i) => ({ id: `N-${String(i).padStart(4, '0')}`, title: `第${i}号公示`, content_text: '内容', date_published: '2026-11-20T09:00:00+08:00' }))
  const r = validateFeed(baseFeed(4, { notices: items }))
  if (!r.ok) throw new Error('fixture invalid')
  await commitRevision({ sourceId: 's', revision: 4, sha256: 'sha4', content: normalizeFeed(r.feed, 'https://town.example/feed.json', 's'), assets: [], assetUrls: [] })
}

beforeEach(async () => {
  await deleteDatabase()
  setActivePinia(createPinia())
})
afterEach(() => vi.restoreAllMocks())

describe('content store loadAll', () => {
  it('never replaces a revision the sync worker handed over meanwhile with the older one it was reading', async () => {
    await storeRevision(900)
    const content = useContentStore()
    await content.loadAll(['s'])
    const base = content.record!
    // a second read (as at a restart of the stores) is under way when revision 5 arrives from the worker
    const reading = content.loadAll(['s'])
    content.setLive('s', { record: { ...base, revision: 5 }, notices: EMPTY_TABLE })
    await reading
    expect(content.record?.revision).toBe(5)
    expect(content.loaded).toBe(true)
  })

  it('shows the checklist from the revision record first, then every notice, and only then says it has loaded', async () => {
    await storeRevision(1200)
    const content = useContentStore()
    const seen: { checklist: number; notices: number; loaded: boolean }[] = []
    watch(
      () => [content.checklist.length, content.table.length, content.loaded] as const,
      ([checklist, notices, loaded]) => seen.push({ checklist, notices, loaded }),
      { flush: 'sync' },
    )
    await content.loadAll(['s'])
    const firstWithChecklist = seen.find((s) => s.checklist > 0)
    expect(firstWithChecklist).toEqual({ checklist: expect.any(Number), notices: 0, loaded: false })
    expect(seen.at(-1)).toEqual({ checklist: firstWithChecklist!.checklist, notices: 1200, loaded: true })
    expect(content.activeSourceId).toBe('s')
  })

  it('says it has loaded when storage cannot be read, so the home screen still shows its tiles', async () => {
    vi.spyOn(db, 'getLiveContentSliced').mockRejectedValue(new Error('disk gone'))
    const content = useContentStore()
    await expect(content.loadAll(['s'])).rejects.toThrow('disk gone')
    expect(content.loaded).toBe(true)
    expect(content.record).toBeNull()
  })
})

describe('content store loadAll after start', () => {
  it('swaps a newly applied revision in whole: never a checklist without its notices', async () => {
    const content = useContentStore()
    await content.loadAll(['s']) // nothing stored yet: the home screen says so
    expect(content.loaded).toBe(true)
    await storeRevision(900)
    const seen: number[][] = []
    watch(
      () => [content.checklist.length, content.table.length],
      (v) => seen.push(v),
      { flush: 'sync' },
    )
    await content.loadAll(['s'])
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every(([checklist, notices]) => checklist === 0 || notices === 900)).toBe(true)
  })
})
