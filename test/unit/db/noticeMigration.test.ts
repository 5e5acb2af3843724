/**
 * Version 4 converts revisions stored one record per notice (the old layout)
 * into chunks: a kiosk upgraded from an older app shows the same notices, and
 * the old store is left empty.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openDB } from 'idb'
import { closeDb, deleteDatabase, getDb, getLiveContentSliced, NOTICE_CHUNK } from '../../../src/db'
import { DB_NAME, migrations, type GongkaiDB, type RevisionRecord } from '../../../src/db/schema'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import type { FeedContent } from '../../../src/feed/types'
import { generateFeed } from '../../../bench/lib/feedGen.mjs'

function content(revision: number, items: number): FeedContent {
  const r = validateFeed(generateFeed({ items, revision }))
  if (!r.ok) throw new Error('fixture invalid')
  return normalizeFeed(r.feed, 'https://town.example/feed.json', 's')
}

/** What an app of database version 3 left behind: revisions whose notices are one record each, as its old writer stored them. */
async function storeAsVersion3(revisions: { sourceId: string; revision: number; c: FeedContent }[], live: Record<string, number>) {
  const db = await openDB<GongkaiDB>(DB_NAME, 3, { upgrade: (d, old, _n, tx) => migrations.slice(old, 3).forEach((m) => m(d, tx)) })
  const tx = db.transaction(['revisions', 'notices', 'pointers'], 'readwrite')
  for (const { sourceId, revision, c } of revisions) {
    const { notices, revision: _r, ...rest } = c
    const record = { ...rest, sourceId, revision, appliedAt: '2026-11-01T00:00:00.000Z', sha256: `sha${revision}`, assetUrls: [], noticeCount: notices.length, warnings: [], privacyFindings: [] } as RevisionRecord
    void tx.objectStore('revisions').put(record)
    for (const n of notices) void tx.objectStore('notices').put({ ...n, sourceId, revision })
  }
  for (const [sourceId, current] of Object.entries(live)) void tx.objectStore('pointers').put({ sourceId, current, previous: null, switchedAt: '' })
  await tx.done
  db.close()
}

afterEach(async () => {
  await deleteDatabase()
})

describe('migrating old notice records to chunks', () => {
  it('shows the same notices after the upgrade, in chunks, and empties the old store', async () => {
    await closeDb()
    const big = content(2, 2 * NOTICE_CHUNK + 9)
    const other = content(5, 3)
    await storeAsVersion3(
      [
        { sourceId: 's', revision: 1, c: content(1, 4) },
        { sourceId: 's', revision: 2, c: big },
        { sourceId: 't', revision: 5, c: other },
      ],
      { s: 2, t: 5 },
    )

    const live = await getLiveContentSliced('s')
    expect(live?.record.revision).toBe(2)
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1)
    expect(live?.notices).toEqual([...big.notices].sort(byId).map((n) => ({ ...n, sourceId: 's', revision: 2 })))
    expect((await getLiveContentSliced('t'))?.notices.map((n) => n.title)).toEqual([...other.notices].sort(byId).map((n) => n.title))

    const db = await getDb()
    expect(db.version).toBe(4)
    expect(await db.count('notices')).toBe(0)
    // revision 1 (4), revision 2 (3 chunks), source t (1)
    expect((await db.getAllKeys('noticeChunks')).map((k) => k.join('/'))).toEqual(['s/1/0', 's/2/0', 's/2/1', 's/2/2', 't/5/0'])
    // the old store stays, empty: an app rolled back to an older version still finds it
    expect(db.objectStoreNames.contains('notices')).toBe(true)
  })
})
