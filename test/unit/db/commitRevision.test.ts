import { beforeEach, describe, expect, it } from 'vitest'
import { commitRevision, deleteDatabase, getDb, getLiveContentSliced, getPointer, pruneSource, StaleRevisionError } from '../../../src/db'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import type { FeedContent } from '../../../src/feed/types'
import { baseFeed } from '../../support/feeds'
import { storedNotices } from '../../support/storedNotices'

function content(revision: number): FeedContent {
  const r = validateFeed(baseFeed(revision))
  if (!r.ok) throw new Error('fixture invalid')
  return normalizeFeed(r.feed, 'https://town.example/feed.json', 's')
}

const commit = (revision: number, c = content(revision)) => commitRevision({ sourceId: 's', revision, sha256: `sha${revision}`, content: c, assets: [], assetUrls: [] })

beforeEach(async () => {
  await deleteDatabase()
})

describe('commitRevision', () => {
  it('makes a revision live with its notices and points back to the previous one', async () => {
    await commit(1)
    const p = await commit(2)
    expect(p).toMatchObject({ current: 2, previous: 1 })
    const live = await getLiveContentSliced('s')
    expect(live?.record.revision).toBe(2)
    expect(live?.notices).toHaveLength(2)
  })

  it('a failure in the middle of the write leaves the old revision live, whole and readable', async () => {
    await commit(1)
    const before = await getLiveContentSliced('s')
    const broken = content(2)
    // the second notice cannot be stored (functions are not cloneable): the write fails half-way
    ;(broken.notices[1] as unknown as Record<string, unknown>).bad = () => 1
    await expect(commit(2, broken)).rejects.toThrow()
    expect(await getLiveContentSliced('s')).toEqual(before)
    expect(await getPointer('s')).toMatchObject({ current: 1, previous: null })
    // nothing of revision 2 was left behind
    const db = await getDb()
    expect(await db.get('revisions', ['s', 2])).toBeUndefined()
    expect(await storedNotices()).toHaveLength(2)
  })

  it('refuses a revision that is not newer, inside the transaction', async () => {
    await commit(3)
    await expect(commit(3)).rejects.toBeInstanceOf(StaleRevisionError)
    await expect(commit(2)).rejects.toBeInstanceOf(StaleRevisionError)
    expect((await getPointer('s'))?.current).toBe(3)
  })

  it('prunes revisions older than the previous one, and files nothing needs', async () => {
    const db = await getDb()
    const asset = (url: string) => ({ url, blob: new Blob(['x']), mimeType: 'text/plain', size: 1, sha256: 'x', storedAt: '' })
    await commitRevision({ sourceId: 's', revision: 1, sha256: 'a', content: content(1), assets: [asset('u1')], assetUrls: ['u1'] })
    await commitRevision({ sourceId: 's', revision: 2, sha256: 'b', content: content(2), assets: [asset('u2')], assetUrls: ['u2'] })
    await commitRevision({ sourceId: 's', revision: 3, sha256: 'c', content: content(3), assets: [], assetUrls: ['u2'] })
    expect(await pruneSource('s')).toEqual({ revisions: 1, assets: 1 })
    expect((await db.getAllKeys('revisions')).map((k) => k[1]).sort()).toEqual([2, 3])
    expect(await db.getAllKeys('assets')).toEqual(['u2'])
    expect((await storedNotices()).length).toBe(4)
  })
})
