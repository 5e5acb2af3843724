import { describe, expect, it } from 'vitest'
import { tableOf } from '../../../src/notice/noticeTable'
import { allRows, categoriesOf, expiredRows, keepSame, leading, newestOf, openRows, rowsOfItem } from '../../../src/notice/noticeRows'
import { byBoardOrder, noticeState } from '../../../src/notice/window'
import type { NoticeSummary } from '../../../src/notice/summary'

const now = new Date('2026-11-27T10:00:00+08:00')
const n = (id: string, p: Partial<NoticeSummary>): NoticeSummary => ({ id, title: id, category: 'c', pinned: false, urgent: false, sourceId: 's', revision: 1, ...p })

describe('the lists screens show, out of a notice table', () => {
  const list = [
    n('old', { published: '2026-11-01T00:00:00Z', checklistItem: 'CL-1' }),
    n('new', { published: '2026-11-26T00:00:00Z' }),
    n('pinned', { published: '2026-10-01T00:00:00Z', pinned: true, checklistItem: 'CL-1' }),
    n('urgent', { published: '2026-09-01T00:00:00Z', urgent: true }),
    n('later', { published: '2026-12-24T00:00:00Z', checklistItem: 'CL-1' }),
    n('gone', { published: '2026-10-01T00:00:00Z', expires: '2026-11-01T00:00:00Z', checklistItem: 'CL-2' }),
    n('gone later', { published: '2026-10-01T00:00:00Z', expires: '2026-11-20T00:00:00Z' }),
  ]
  const t = tableOf(list)

  it('orders the board urgent, pinned, then newest; hides upcoming and expired', () => {
    expect(openRows(t, now).map((x) => x.id)).toEqual(['urgent', 'pinned', 'new', 'old'])
  })

  it('knows when a table comes in board order (the worker’s hand-over), and gives the same board either way', () => {
    expect(t.inBoardOrder).toBe(false)
    const sorted = tableOf([...list].sort(byBoardOrder))
    expect(sorted.inBoardOrder).toBe(true)
    expect(openRows(sorted, now).map((x) => x.id)).toEqual(openRows(t, now).map((x) => x.id))
    expect(tableOf([]).inBoardOrder).toBe(true)
  })

  it('finds the board’s urgent and pinned notices at its head, its categories, and its newest', () => {
    const board = openRows(t, now)
    expect(leading(board, (x) => x.urgent).map((x) => x.id)).toEqual(['urgent'])
    expect(leading(board, (x) => x.urgent || x.pinned).map((x) => x.id)).toEqual(['urgent', 'pinned'])
    expect(leading([], (x) => x.urgent)).toEqual([])
    const mixed = tableOf([n('a', { category: 'finance' }), n('b', { category: 'party' }), n('c', { category: 'finance' })])
    expect([...categoriesOf(allRows(mixed))].sort()).toEqual(['finance', 'party'])
    // plain summaries (the village's own, a test's) count as well
    expect([...categoriesOf([...allRows(mixed), n('d', { category: 'village' })])].sort()).toEqual(['finance', 'party', 'village'])
    expect(newestOf(board, 2).map((x) => x.id)).toEqual(['new', 'old'])
    expect(newestOf(board, 9).map((x) => x.id)).toEqual(['new', 'old', 'pinned', 'urgent'])
    const ties = [n('first', { published: '2026-11-01T00:00:00Z' }), n('second', { published: '2026-11-01T00:00:00Z' }), n('none', {})]
    expect(newestOf(ties, 2).map((x) => x.id)).toEqual(['first', 'second'])
    expect(newestOf(ties, 3).map((x) => x.id)).toEqual(['first', 'second', 'none'])
  })

  it('lists the archive most recently closed first', () => {
    expect(expiredRows(t, now).map((x) => x.id)).toEqual(['gone later', 'gone'])
  })

  it('judges each notice by the one window rule, whatever the dates, at the edges', () => {
    const edge = (d: number) => new Date(now.getTime() + d).toISOString()
    const many: NoticeSummary[] = []
    for (const p of [undefined, edge(-1), edge(0), edge(1), '2026-11-27T10:00:00+08:00', 'not a date'])
      for (const e of [undefined, edge(-1), edge(0), edge(1), '2026-11-27T10:00:00+08:00']) many.push(n(`${p}/${e}`, { published: p, expires: e }))
    const mt = tableOf(many)
    const open = new Set(openRows(mt, now).map((x) => x.id))
    const closed = new Set(expiredRows(mt, now).map((x) => x.id))
    for (const x of many) expect([open.has(x.id), closed.has(x.id)]).toEqual([noticeState(x, now) === 'open', noticeState(x, now) === 'expired'])
  })

  it('lists a checklist item’s notices, and none for an item no notice names', () => {
    expect(rowsOfItem(t, 'CL-1').map((x) => x.id)).toEqual(['old', 'pinned', 'later'])
    expect(rowsOfItem(t, 'c')).toEqual([])
    expect(rowsOfItem(t, 'CL-9')).toEqual([])
  })

  it('keeps the list it had while the same notices are listed, and gives the new one when they change', () => {
    const before = openRows(t, now)
    expect(keepSame(before, openRows(t, new Date(now.getTime() + 60_000)))).toBe(before)
    const after = openRows(t, new Date('2026-12-25T00:00:00Z'))
    expect(keepSame(before, after)).toBe(after)
    const other = openRows(tableOf(list), now)
    expect(keepSame(before, other)).toBe(other)
  })

  it('gives plain summaries for JSON and is never made reactive', () => {
    const [first] = allRows(t)
    expect(JSON.parse(JSON.stringify(first))).toEqual({ id: 'old', title: 'old', category: 'c', published: '2026-11-01T00:00:00Z', checklistItem: 'CL-1', pinned: false, urgent: false, sourceId: 's', revision: 1 })
    expect((first as unknown as { __v_skip: boolean }).__v_skip).toBe(true)
  })
})
