/**
 * Notices stored in chunks (db/noticeChunks.ts) read back exactly as notices
 * stored one record each: same records, same order, same revision isolation,
 * and a failed or pruned revision leaves no chunk behind.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { commitRevision, deleteDatabase, getDb, getLiveContent, pruneSource, readRevisionNotices, toChunks, NOTICE_CHUNK, type NoticeRecord } from '../../../src/db'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import type { FeedContent } from '../../../src/feed/types'
import { generateFeed } from '../../../bench/lib/feedGen.mjs'

function content(revision: number, items: number): FeedContent {
  const r = validateFeed(generateFeed({ items, revision }))
  if (!r.ok) throw new Error('fixture invalid')
  return normalizeFeed(r.feed, 'https://town.example/feed.json', 's')
}

const commit = (sourceId: string, revision: number, items: number, noticeLayout: 'records' | 'chunks', c = content(revision, items)) =>
  commitRevision({ sourceId, revision, sha256: `sha${revision}`, content: c, assets: [], assetUrls: [], noticeLayout })

async function read(sourceId: string, revision: number, slice?: number) {
  const tx = (await getDb()).transaction(['notices', 'noticeChunks'], 'readonly')
  const slices: number[] = []
  const notices = await readRevisionNotices({ chunks: tx.objectStore('noticeChunks'), records: tx.objectStore('notices') }, sourceId, revision, { slice, onSlice: (b) => slices.push(b.length) })
  await tx.done
  return { notices, slices }
}

beforeEach(async () => {
  await deleteDatabase()
})

describe('notice chunks', () => {
  it('splits notices into id-ordered chunks of NOTICE_CHUNK', () => {
    const c = content(1, 2 * NOTICE_CHUNK + 5)
    const chunks = toChunks('s', 1, c.notices)
    expect(chunks.map((x) => [x.chunk, x.notices.length])).toEqual([[0, NOTICE_CHUNK], [1, NOTICE_CHUNK], [2, 5]])
    const ids = chunks.flatMap((x) => x.notices.map((n) => n.id))
    expect(ids).toEqual(c.notices.map((n) => n.id).sort())
  })

  it('reads back the same notice records, in the same order, from either layout', async () => {
    const c = content(1, NOTICE_CHUNK + 17)
    await commit('rec', 1, 0, 'records', c)
    await commit('chk', 1, 0, 'chunks', c)
    const recs = await read('rec', 1, NOTICE_CHUNK)
    const chks = await read('chk', 1)
    expect(chks.notices.map((n) => ({ ...n, sourceId: 'rec' }))).toEqual(recs.notices)
    // the records layout is what getLiveContent reads today
    expect((await getLiveContent('rec'))?.notices).toEqual(recs.notices)
    expect(chks.notices.every((n: NoticeRecord) => n.sourceId === 'chk' && n.revision === 1)).toBe(true)
    // one slice per chunk, so a main-thread reader deserialises at most NOTICE_CHUNK notices per task
    expect(chks.slices).toEqual([NOTICE_CHUNK, 17])
    expect(recs.slices).toEqual([NOTICE_CHUNK, 17])
    // nothing of the chunked revision went to the one-record-per-notice store, and the other way round
    const db = await getDb()
    expect(await db.count('notices')).toBe(NOTICE_CHUNK + 17)
    expect(await db.count('noticeChunks')).toBe(2)
  })

  it('keeps revisions apart and removes the chunks of pruned revisions', async () => {
    await commit('s', 1, 30, 'chunks')
    await commit('s', 2, 450, 'chunks')
    await commit('s', 3, 5, 'chunks')
    expect((await read('s', 2)).notices).toHaveLength(450)
    expect((await read('s', 3)).notices).toHaveLength(5)
    const pruned = await pruneSource('s')
    expect(pruned.revisions).toBe(1)
    expect((await read('s', 1)).notices).toHaveLength(0)
    expect(await (await getDb()).count('noticeChunks')).toBe(2 + 1)
  })

  it('a failure half-way through a chunked commit leaves no chunk behind', async () => {
    const broken = content(2, NOTICE_CHUNK + 3)
    // the last notice cannot be stored (functions are not cloneable): the second chunk fails
    ;(broken.notices.at(-1) as unknown as Record<string, unknown>).bad = () => 1
    await expect(commit('s', 2, 0, 'chunks', broken)).rejects.toThrow()
    expect(await (await getDb()).count('noticeChunks')).toBe(0)
    expect(await (await getDb()).get('revisions', ['s', 2])).toBeUndefined()
  })
})
