/**
 * The lists the screens show, out of a notice table (noticeTable.ts): the
 * board, the archive, an item's notices. Each notice in a list is a small view
 * of its table row (two fields): its id, title and the rest are read from the
 * table when a card reads them, so a list costs 20 bytes a notice, and only
 * while a screen holds it.
 */
import { CODED, COLUMN, PINNED, URGENT, idAt, titleAt, valueAt, type NoticeTable } from './noticeTable'
import type { NoticeSummary } from './summary'
import { byBoardOrder, byClosing, closedBy, notYetPublished, windowClock, type NoticeState } from './window'

class NoticeRow implements NoticeSummary {
  // declared, not initialised: a class field is defined on each new object (an initializer run per row: ≈ 7 ms of 3,300 rows at 4× CPU)
  declare readonly table: NoticeTable
  declare readonly row: number
  constructor(table: NoticeTable, row: number) {
    this.table = table
    this.row = row
  }
  get id(): string {
    return idAt(this.table, this.row)
  }
  get title(): string {
    return titleAt(this.table, this.row)
  }
  get category(): string {
    return valueAt(this.table, this.row, 'category')!
  }
  get published(): string | undefined {
    return valueAt(this.table, this.row, 'published')
  }
  get expires(): string | undefined {
    return valueAt(this.table, this.row, 'expires')
  }
  get checklistItem(): string | undefined {
    return valueAt(this.table, this.row, 'checklistItem')
  }
  get origin(): NoticeSummary['origin'] {
    return valueAt(this.table, this.row, 'origin') as NoticeSummary['origin']
  }
  get sourceId(): string {
    return valueAt(this.table, this.row, 'sourceId')!
  }
  get pinned(): boolean {
    return (this.table.flags[this.row]! & PINNED) !== 0
  }
  get urgent(): boolean {
    return (this.table.flags[this.row]! & URGENT) !== 0
  }
  get revision(): number {
    return this.table.revisions[this.table.revisionOf[this.row]!]!
  }
  get chunk(): number | undefined {
    const c = this.table.chunks[this.row]!
    return c === 0 ? undefined : c - 1
  }
  get excerpt(): string | undefined {
    const e = this.table.excerptOf[this.row]!
    return e === 0 ? undefined : this.table.excerpts[e - 1]
  }
  /** the summary as plain data (JSON, a worker's request) */
  toJSON(): NoticeSummary {
    const { id, title, category, published, expires, checklistItem, pinned, urgent, origin, sourceId, revision, chunk, excerpt } = this
    return { id, title, category, published, expires, checklistItem, pinned, urgent, origin, sourceId, revision, chunk, excerpt }
  }
}
// a view of stored data, never made reactive (Vue reads this flag through the prototype)
Object.defineProperty(NoticeRow.prototype, '__v_skip', { value: true })

export const rowAt = (t: NoticeTable, r: number): NoticeSummary => new NoticeRow(t, r)

/** every notice of the table, in its order */
export function allRows(t: NoticeTable): NoticeSummary[] {
  const out = new Array<NoticeSummary>(t.length)
  for (let r = 0; r < t.length; r++) out[r] = new NoticeRow(t, r)
  return out
}

/**
 * Each notice's window state at `now`, worked out once per distinct date (a township's 10,000 notices have a
 * few hundred), by the rule of window.ts.
 */
function statesAt(t: NoticeTable, now: Date): (r: number) => NoticeState {
  const c = windowClock(now)
  const upcoming = new Int8Array(t.values.length + 1).fill(-1)
  const closed = new Int8Array(t.values.length + 1).fill(-1)
  const W = CODED.length
  return (r) => {
    const p = t.codes[r * W + COLUMN.published]!
    let u = upcoming[p]!
    if (u === -1) u = upcoming[p] = p !== 0 && notYetPublished(t.values[p - 1], c) ? 1 : 0
    if (u === 1) return 'upcoming'
    const e = t.codes[r * W + COLUMN.expires]!
    let x = closed[e]!
    if (x === -1) x = closed[e] = e !== 0 && closedBy(t.values[e - 1], c) ? 1 : 0
    return x === 1 ? 'expired' : 'open'
  }
}

function rowsIn(t: NoticeTable, state: NoticeState, now: Date): NoticeSummary[] {
  const stateOf = statesAt(t, now)
  const out: NoticeSummary[] = []
  for (let r = 0; r < t.length; r++) if (stateOf(r) === state) out.push(new NoticeRow(t, r))
  return out
}

/** What the board shows at `now`: the open notices, urgent and pinned first, then newest (sorted unless the table comes in that order). */
export function openRows(t: NoticeTable, now: Date): NoticeSummary[] {
  const rows = rowsIn(t, 'open', now)
  return t.inBoardOrder ? rows : rows.sort(byBoardOrder)
}

/** The archive at `now`: notices whose window has closed, most recently closed first. */
export function expiredRows(t: NoticeTable, now: Date): NoticeSummary[] {
  return rowsIn(t, 'expired', now).sort(byClosing)
}

/** The notices linked to a checklist item, in the table's order. */
export function rowsOfItem(t: NoticeTable, itemId: string): NoticeSummary[] {
  const k = t.values.indexOf(itemId) + 1
  const out: NoticeSummary[] = []
  if (k === 0) return out
  for (let r = 0; r < t.length; r++) if (t.codes[r * CODED.length + COLUMN.checklistItem] === k) out.push(new NoticeRow(t, r))
  return out
}

/**
 * The board's first notices while `keep` holds: its urgent ones, or its urgent and pinned ones, which board order
 * puts first; found without a pass over the other thousands.
 */
export function leading(board: readonly NoticeSummary[], keep: (n: NoticeSummary) => boolean): NoticeSummary[] {
  let i = 0
  while (i < board.length && keep(board[i]!)) i++
  return board.slice(0, i)
}

/** The k newest of these by publication, newest first (earlier in the list first among equals), in one pass: no sort of thousands for three. */
export function newestOf(list: readonly NoticeSummary[], k: number): NoticeSummary[] {
  const out: { n: NoticeSummary; at: string }[] = []
  for (const n of list) {
    const at = n.published ?? ''
    if (out.length === k && at <= out[k - 1]!.at) continue
    let i = out.length
    while (i > 0 && out[i - 1]!.at < at) i--
    out.splice(i, 0, { n, at })
    if (out.length > k) out.pop()
  }
  return out.map((x) => x.n)
}

/** The categories these notices are in; a table row's is read as its code, not as a string per notice. */
export function categoriesOf(list: readonly NoticeSummary[]): Set<string> {
  const out = new Set<string>()
  let table: NoticeTable | null = null
  let seen = new Uint8Array(0)
  for (const n of list) {
    if (!(n instanceof NoticeRow)) {
      out.add(n.category)
      continue
    }
    if (n.table !== table) {
      table = n.table
      seen = new Uint8Array(table.values.length + 1)
    }
    const k = table.codes[n.row * CODED.length + COLUMN.category]!
    if (seen[k]) continue
    seen[k] = 1
    out.add(table.values[k - 1]!)
  }
  return out
}

/** `previous` when `next` lists the same rows of the same table: the cards a screen shows stay as they are when the minute turns */
export function keepSame(previous: readonly NoticeSummary[] | undefined, next: NoticeSummary[]): NoticeSummary[] {
  if (!previous || previous.length !== next.length) return next
  const same = (a: NoticeSummary, b: NoticeSummary) => a instanceof NoticeRow && b instanceof NoticeRow && a.table === b.table && a.row === b.row
  for (let i = 0; i < next.length; i++) if (!same(previous[i]!, next[i]!)) return next
  return previous as NoticeSummary[]
}
