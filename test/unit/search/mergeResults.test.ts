import { describe, expect, it } from 'vitest'
import { mergeAnswers } from '../../../src/search/mergeResults'
import type { SearchResult } from '../../../src/search/types'

const r = (id: string, field: 'title' | 'body', window?: SearchResult['window'], published?: string): SearchResult => ({
  kind: 'notice',
  id,
  title: id,
  field,
  titleRanges: [],
  ...(window ? { window } : {}),
  ...(published ? { published } : {}),
})

describe('mergeAnswers (feed results with the village layer’s own notices)', () => {
  it('keeps the ranking rules across both lists and adds up the totals', () => {
    const feed = { results: [r('f-title-open', 'title', 'open', '2026-11-01'), r('f-title-old', 'title', 'expired', '2026-11-20'), r('f-body', 'body', 'open', '2026-11-25')], total: 7 }
    const village = { results: [r('v-title-new', 'title', 'open', '2026-11-26'), r('v-body', 'body', 'expired', '2026-11-26')], total: 2 }
    const merged = mergeAnswers(feed, village, 10)
    expect(merged.results.map((x) => x.id)).toEqual(['v-title-new', 'f-title-open', 'f-title-old', 'f-body', 'v-body'])
    expect(merged.total).toBe(9)
    expect(mergeAnswers(feed, village, 2).results).toHaveLength(2)
  })

  it('puts a gapped match below a contiguous one of the same kind, even when it is newer', () => {
    const gap = (id: string, field: 'title' | 'body', wholeWord: boolean): SearchResult => ({ ...r(id, field, 'open', '2026-11-30'), gapped: true, ...(field === 'title' ? { wholeWord } : {}) })
    const whole = (id: string, wholeWord: boolean): SearchResult => ({ ...r(id, 'title', 'open', '2026-11-01'), wholeWord })
    const feed = { results: [whole('f-whole', true), gap('f-gap-whole', 'title', true), whole('f-run', false), r('f-body', 'body', 'open', '2026-11-01')], total: 4 }
    const village = { results: [gap('v-gap-whole', 'title', true), gap('v-gap', 'title', false), gap('v-gap-body', 'body', false)], total: 3 }
    expect(mergeAnswers(feed, village, 10).results.map((x) => x.id)).toEqual(['f-whole', 'f-gap-whole', 'v-gap-whole', 'f-run', 'v-gap', 'f-body', 'v-gap-body'])
  })
})
