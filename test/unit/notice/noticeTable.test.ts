import { describe, expect, it } from 'vitest'
import { EMPTY_TABLE, joinTables, rowOf, tableOf, tableTransfer } from '../../../src/notice/noticeTable'
import { allRows } from '../../../src/notice/noticeRows'
import type { NoticeSummary } from '../../../src/notice/summary'

const summary = (id: string, o: Partial<NoticeSummary> = {}): NoticeSummary => ({
  id, title: `关于${id}的公示`, category: 'finance', published: '2026-11-20T01:00:00.000Z', expires: '2026-11-27T01:00:00.000Z', checklistItem: 'CL-01',
  pinned: false, urgent: false, origin: 'township', sourceId: 'town', revision: 7, chunk: 3, excerpt: undefined, ...o,
})

/** across postMessage: structured clone, the typed arrays moved */
const posted = (list: NoticeSummary[]) => {
  const t = tableOf(list)
  return structuredClone(t, { transfer: tableTransfer(t) })
}

const plain = (rows: NoticeSummary[]) => rows.map((n) => JSON.parse(JSON.stringify(n)) as NoticeSummary)
const asJson = (list: NoticeSummary[]) => JSON.parse(JSON.stringify(list)) as NoticeSummary[]

describe('notice summaries in a table (what the page holds, and the sync worker’s hand-over)', () => {
  const list = [
    summary('N-1', { pinned: true, excerpt: '经村民代表会议讨论通过…' }),
    summary('N-2', { urgent: true, chunk: 0, excerpt: '请广大村民相互转告' }),
    summary('N-3', { published: undefined, expires: undefined, checklistItem: undefined, chunk: undefined, origin: 'village', category: 'party' }),
    summary('N-4', { revision: 2 ** 40, title: '标题'.repeat(3000) }),
    summary('', { title: '' }),
  ]

  it('gives back every summary as it was, each field, after crossing postMessage', () => {
    const rows = allRows(posted(list))
    expect(plain(rows)).toEqual(asJson(list))
    // read one field at a time, as a card reads them
    expect(rows.map((n) => [n.id, n.title.length, n.pinned, n.urgent, n.chunk, n.revision, n.excerpt, n.published])).toEqual(list.map((n) => [n.id, n.title.length, n.pinned, n.urgent, n.chunk, n.revision, n.excerpt, n.published]))
  })

  it('holds each repeated value once', () => {
    const t = tableOf(list)
    expect(t.values.length).toBe(new Set(list.flatMap((s) => [s.category, s.published, s.expires, s.checklistItem, s.origin, s.sourceId]).filter((v) => v !== undefined)).size)
    expect(t.revisions).toEqual([7, 2 ** 40])
  })

  it('joins parts into one table, in order, their values and revisions recoded', () => {
    const joined = joinTables([posted(list.slice(0, 2)), posted([]), posted(list.slice(2))])
    expect(joined.length).toBe(list.length)
    expect(plain(allRows(joined))).toEqual(asJson(list))
    expect(new Set(joined.values).size).toBe(joined.values.length)
    expect(joinTables([])).toMatchObject({ length: 0 })
  })

  it('finds a notice by its id without a string per notice, the first of two with one id', () => {
    const t = joinTables([tableOf(list), tableOf([summary('N-2', { title: 'village copy', origin: 'village' })])])
    expect(rowOf(t, 'N-2')).toBe(1)
    expect(rowOf(t, 'N-')).toBe(-1)
    expect(rowOf(t, 'N-22')).toBe(-1)
    expect(rowOf(t, '')).toBe(4)
    expect(rowOf(EMPTY_TABLE, 'N-1')).toBe(-1)
  })

  it('moves its typed arrays: the worker keeps no copy', () => {
    const t = tableOf(list)
    structuredClone(t, { transfer: tableTransfer(t) })
    expect(t.codes.byteLength).toBe(0)
    expect(t.text.byteLength).toBe(0)
    expect(t.flags.byteLength).toBe(0)
  })
})
