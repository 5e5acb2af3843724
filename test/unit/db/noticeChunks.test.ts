/**
 * Notices stored in chunks (db/noticeChunks.ts), the one layout: read back in
 * id order a chunk at a time, revisions kept apart, and a failed or pruned
 * revision leaves no chunk behind. Old one-record-per-notice databases:
 * noticeMigration.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { commitRevision, deleteDatabase, getDb, getLiveContentSliced, pruneSource, readRevisionNotices, toChunks, NOTICE_CHUNK, type NoticeRecord } from '../../../src/db'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import type { FeedContent } from '../../../src/feed/types'
import { generateFeed } from '../../../bench/lib/feedGen.mjs'

function content(revision: number, items: number): FeedContent {
  const r = validateFeed(generateFeed({ items, revision }))
  if (!r.ok) throw new Error('fixture invalid')
  return normalizeFeed(r.feed, 'https://town.example/feed.json', 's')
}

const commit = (sourceId: string, revision: number, items: number, c = content(revision, items)) => commitRevision({ sourceId, revision, sha256: `sha${revision}`, content: c, assets: [], assetUrls: [] })

async function read(sourceId: string, revision: number) {
  const tx = (await getDb()).transaction(['noticeChunks'], 'readonly')
  const slices: number[] = []
  const notices = await readRevisionNotices({ chunks: tx.objectStore('noticeChunks') }, sourceId, revision, { onSlice: (b) => slices.push(b.length) })
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

  it('reads back every notice record, in id order, with its source and revision', async () => {
    const c = content(1, NOTICE_CHUNK + 17)
    await commit('chk', 1, 0, c)
    const chks = await read('chk', 1)
    const expected = [...c.notices].sort((a, b) => (a.id < b.id ? -1 : 1)).map((n) => ({ ...n, sourceId: 'chk', revision: 1 }))
    expect(chks.notices).toEqual(expected)
    expect((await getLiveContentSliced('chk'))?.notices).toEqual(expected)
    expect(chks.notices.every((n: NoticeRecord) => n.sourceId === 'chk' && n.revision === 1)).toBe(true)
    // one slice per chunk, so a main-thread reader deserialises at most NOTICE_CHUNK notices per task
    expect(chks.slices).toEqual([NOTICE_CHUNK, 17])
    // nothing went to the old one-record-per-notice store
    const db = await getDb()
    expect(await db.count('notices')).toBe(0)
    expect(await db.count('noticeChunks')).toBe(2)
  })

  it('keeps revisions apart and removes the chunks of pruned revisions', async () => {
    await commit('s', 1, 30)
    await commit('s', 2, 450)
    await commit('s', 3, 5)
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
    await expect(commit('s', 2, 0, broken)).rejects.toThrow()
    expect(await (await getDb()).count('noticeChunks')).toBe(0)
    expect(await (await getDb()).get('revisions', ['s', 2])).toBeUndefined()
  })
})
