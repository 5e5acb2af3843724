import { beforeEach, describe, expect, it } from 'vitest'
import { asNoticeRecords, commitRevision, deleteDatabase, getLiveContentSliced, NOTICE_CHUNK } from '../../../src/db'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import { baseFeed } from '../../support/feeds'

function feedWith(count: number, revision: number) {
  const notices = Array.from({ length: count }, (_, i) => ({ id: `N-${i}`, title: `第${i}号公示`, content_text: '内容', date_published: '2026-11-20T09:00:00+08:00' }))
  const r = validateFeed(baseFeed(revision, { notices }))
  if (!r.ok) throw new Error('fixture invalid')
  return normalizeFeed(r.feed, 'https://town.example/feed.json', 's')
}

const commit = (revision: number, count: number) =>
  commitRevision({ sourceId: 's', revision, sha256: `sha${revision}`, content: feedWith(count, revision), assets: [], assetUrls: [] })

beforeEach(async () => {
  await deleteDatabase()
})

describe('getLiveContentSliced', () => {
  it('reads exactly the live revision’s record and notices, chunk by chunk, as they were committed', async () => {
    await commit(1, 5)
    // a full chunk and a remainder
    const committed = await commit(2, NOTICE_CHUNK + 23)
    const whole = await getLiveContentSliced('s')
    expect(whole).toEqual({ record: committed.record, notices: committed.chunks.flatMap(asNoticeRecords) })
    expect(whole?.notices).toHaveLength(NOTICE_CHUNK + 23)
    expect(new Set(whole?.notices.map((n) => n.revision))).toEqual(new Set([2]))
  })

  it('hands over the record before the notices, and both stay from one revision while a new one goes live meanwhile', async () => {
    await commit(1, 30)
    const seen: string[] = []
    let switched: Promise<unknown> = Promise.resolve()
    const c = await getLiveContentSliced('s', {
      onRecord: (r) => {
        seen.push(`record ${r.revision}`)
        // a revision switch that starts while the first screen renders must not mix into this read
        switched = commit(2, 3)
      },
    })
    await switched
    seen.push(`notices ${c?.notices.length}`)
    expect(seen).toEqual(['record 1', 'notices 30'])
    expect(c?.record.revision).toBe(1)
    expect(new Set(c?.notices.map((n) => n.revision))).toEqual(new Set([1]))
    expect((await getLiveContentSliced('s'))?.notices).toHaveLength(3)
  })

  it('is null for a source with nothing stored', async () => {
    expect(await getLiveContentSliced('nobody')).toBeNull()
  })
})
