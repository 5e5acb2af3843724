/**
 * A revision is live, and handed to the page, before its search index is
 * built: the index is stored afterwards in its own transaction, so a big
 * feed's index never delays the new board (issue 19).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { syncSource } from '../../../src/sync/syncSource'
import { asNoticeRecords, deleteDatabase, getLiveContentSliced, getSearchIndex, type NoticeChunkRecord, type RevisionRecord } from '../../../src/db'
import { buildSearchIndexLazily } from '../../../src/search/buildLazily'
import { baseFeed } from '../../support/feeds'
import { fakeFetch, json } from '../../support/fakeFetch'

const URL_ = 'https://town.example/feeds/qingshi.json'
const source = { id: 'qingshi', url: URL_ }

beforeEach(async () => {
  await deleteDatabase()
})

describe('content live before its index', () => {
  it('hands over the committed record and notices, then stores the index', async () => {
    const f = fakeFetch({ [URL_]: [json(baseFeed(3))] })
    const events: string[] = []
    let handed: { record: RevisionRecord; chunks: NoticeChunkRecord[] } | undefined
    const outcome = await syncSource(source, {
      fetch: f.fetch,
      timeoutMs: 2000,
      maxBytes: 1_000_000,
      onLive: (live) => {
        handed = live
        events.push('live')
      },
      buildIndex: async (c) => {
        // at this point the revision is already what a reader gets, and no index is stored yet
        events.push(`index: live ${(await getLiveContentSliced('qingshi'))?.record.revision}, stored ${String(await getSearchIndex('qingshi', 3))}`)
        return buildSearchIndexLazily(c)
      },
    })
    expect(outcome.kind).toBe('applied')
    expect(events).toEqual(['live', 'index: live 3, stored undefined'])
    // what was handed over is exactly what a reader of IndexedDB gets
    const stored = await getLiveContentSliced('qingshi')
    expect(handed && { record: handed.record, notices: handed.chunks.flatMap(asNoticeRecords) }).toEqual(stored)
    expect(await getSearchIndex('qingshi', 3)).toBeTruthy()
  })
})
