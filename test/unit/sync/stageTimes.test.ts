/**
 * The sync engine tells how long each step of an applied revision took
 * (the apply benchmark reports them); a 304 or a refused feed reports none.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { syncSource } from '../../../src/sync/syncSource'
import { deleteDatabase } from '../../../src/db'
import { buildSearchIndexLazily } from '../../../src/search/buildLazily'
import { baseFeed } from '../../support/feeds'
import { fakeFetch, json, status } from '../../support/fakeFetch'

const URL_ = 'https://town.example/feeds/qingshi.json'
const source = { id: 'qingshi', url: URL_ }

beforeEach(async () => {
  await deleteDatabase()
})

describe('step times of an apply', () => {
  it('names every step of an applied revision, in order (the index after the commit), with a time for each', async () => {
    const seen: Record<string, number>[] = []
    const f = fakeFetch({ [URL_]: [json(baseFeed(1), { etag: '"r1"' }), status(304), json('{"version":')] })
    const deps = { fetch: f.fetch, timeoutMs: 2000, maxBytes: 1_000_000, buildIndex: buildSearchIndexLazily, onStages: (s: Record<string, number>) => seen.push(s) }
    expect((await syncSource(source, deps)).kind).toBe('applied')
    expect(seen).toHaveLength(1)
    expect(Object.keys(seen[0]!)).toEqual(['fetch', 'verify', 'decode', 'validate', 'normalize', 'privacy', 'assets', 'commit', 'handover', 'index', 'indexWrite', 'prune'])
    expect(Object.values(seen[0]!).every((ms) => Number.isFinite(ms) && ms >= 0)).toBe(true)
    // not modified, then a broken feed: nothing was applied, so no step times
    expect((await syncSource(source, deps)).kind).toBe('not-modified')
    expect((await syncSource(source, deps)).kind).toBe('failed')
    expect(seen).toHaveLength(1)
  })
})
