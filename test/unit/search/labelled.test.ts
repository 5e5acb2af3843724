/**
 * The benchmark's labelled queries, on a smaller copy of its corpus: every
 * result in the top 10 contains what the resident meant (or all such entries
 * are there, when there are fewer than 10).
 */
import { describe, expect, it } from 'vitest'
import { buildIndexFromDocs } from '../../../src/search/buildIndex'
import { SearchIndex } from '../../../src/search/searchIndex'
import { CORPUS_NOW, generateCorpus } from '../../../bench/search/corpus'
import { expectedHits, LABELLED } from '../../../bench/search/queries'

const docs = generateCorpus(4000)
const index = new SearchIndex(buildIndexFromDocs(docs))

describe('labelled queries (initials, full pinyin, partial, polyphonic, mixed, characters, latin)', () => {
  it('cover every kind of query and at least 40 of them', () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(40)
    expect(new Set(LABELLED.map((l) => l.mode))).toEqual(new Set(['initials', 'full', 'partial', 'mixed', 'polyphonic', 'hanzi', 'latin']))
  })

  it.each(LABELLED.map((l) => [l.q, l.target, l.mode] as const))('%s → %s (%s)', (q, target) => {
    const want = expectedHits(docs, target)
    expect(want.size).toBeGreaterThan(0)
    index.reset()
    const top = index.search(q, { now: CORPUS_NOW, limit: 10 }).results
    const found = top.filter((r) => want.has(r.id)).length
    expect(found).toBe(Math.min(10, want.size))
  })
})
