import { beforeEach, describe, expect, it } from 'vitest'
import { commitRevision, deleteDatabase, getLiveContentSliced } from '../../../src/db'
import { getLiveRecords } from '../../../src/db/liveRecords'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import { baseFeed } from '../../support/feeds'

function feed(revision: number, sourceId: string) {
  const notices = [{ id: `N-${revision}`, title: `第${revision}号公示`, content_text: '内容', date_published: '2026-11-20T09:00:00+08:00' }]
  const r = validateFeed(baseFeed(revision, { notices }))
  if (!r.ok) throw new Error('fixture invalid')
  return normalizeFeed(r.feed, `https://town.example/${sourceId}.json`, sourceId)
}
const commit = (sourceId: string, revision: number) =>
  commitRevision({ sourceId, revision, sha256: `sha${sourceId}${revision}`, content: feed(revision, sourceId), assets: [], assetUrls: [] })

beforeEach(async () => {
  await deleteDatabase()
})

describe('getLiveRecords (the start-up read)', () => {
  it('reads the live revision record of every stored source, the same the full read gives', async () => {
    await commit('a', 1)
    await commit('a', 2)
    await commit('b', 5)
    const got = await getLiveRecords()
    expect(got.map((r) => [r.sourceId, r.record.revision])).toEqual([['a', 2], ['b', 5]])
    expect(got[0]!.record).toEqual((await getLiveContentSliced('a'))!.record)
  })

  it('is empty with nothing stored', async () => {
    expect(await getLiveRecords()).toEqual([])
  })
})
