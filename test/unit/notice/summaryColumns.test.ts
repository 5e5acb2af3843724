import { describe, expect, it } from 'vitest'
import { columnsTransfer, fromColumns, toColumns } from '../../../src/notice/summaryColumns'
import { shareStrings, type NoticeSummary, type StringPool } from '../../../src/notice/summary'

const summary = (id: string, o: Partial<NoticeSummary> = {}): NoticeSummary => ({
  id, title: `关于${id}的公示`, category: 'finance', published: '2026-11-20T01:00:00.000Z', expires: '2026-11-27T01:00:00.000Z', checklistItem: 'CL-01',
  pinned: false, urgent: false, origin: 'township', sourceId: 'town', revision: 7, chunk: 3, excerpt: undefined, ...o,
})

/** across postMessage: structured clone, the typed arrays moved */
const posted = (list: NoticeSummary[]) => {
  const c = toColumns(list)
  return structuredClone(c, { transfer: columnsTransfer(c) })
}

describe('notice summaries in columns (the sync worker’s hand-over)', () => {
  const list = [
    summary('N-1', { pinned: true, excerpt: '经村民代表会议讨论通过…' }),
    summary('N-2', { urgent: true, chunk: 0, excerpt: '请广大村民相互转告' }),
    summary('N-3', { published: undefined, expires: undefined, checklistItem: undefined, chunk: undefined, origin: 'village', category: 'party' }),
    summary('N-4', { revision: 2 ** 40 }),
  ]

  it('gives back every summary as it was, each field', () => {
    expect(fromColumns(posted(list), new Map())).toEqual(list)
  })

  it('gives them the shape the start-up read gives them, repeated values one string from the pool', () => {
    const pool: StringPool = new Map()
    const a = fromColumns(posted(list.slice(0, 2)), pool)
    fromColumns(posted(list.slice(2)), pool)
    // the same key order as a summary read from IndexedDB (one hidden class for every held summary)
    expect(Object.keys(a[0]!)).toEqual(Object.keys(shareStrings(list[0]!, new Map())))
    // every repeated value went through the pool once (string identity is not observable from JS: the count is)
    expect(pool.size).toBe(new Set(list.flatMap((s) => [s.category, s.published, s.expires, s.checklistItem, s.origin, s.sourceId]).filter((v) => v !== undefined)).size)
  })

  it('moves its typed arrays: the worker keeps no copy', () => {
    const c = toColumns(list)
    structuredClone(c, { transfer: columnsTransfer(c) })
    expect(c.codes.byteLength).toBe(0)
    expect(c.flags.byteLength).toBe(0)
  })

  it('holds an empty part', () => {
    expect(fromColumns(posted([]), new Map())).toEqual([])
  })
})
