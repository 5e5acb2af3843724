/**
 * The notices' summaries as the page holds them, and as they cross postMessage
 * from the sync worker (sync.worker.ts → syncWorkerClient.ts): in columns.
 *
 * As objects, 10,000 summaries held 1.35 MB of the page's JS heap: 640 KB of
 * objects of 13 fields, 510 KB of titles and 200 KB of ids, each string with its
 * own header (issue 19, item 6). In columns, ids and titles are one run of UTF-16
 * code units, the values notices repeat (category, dates, checklist item, origin,
 * source) are held once with a code per notice, and the rest are typed arrays:
 * moved across postMessage, not copied, and none of it an object per notice.
 * A list a screen shows (the board, the archive, an item's notices) makes a
 * small view object per notice it lists (noticeRows.ts), and only while it
 * is shown.
 */
import type { NoticeSummary } from './summary'
import { byBoardOrder } from './window'

export interface NoticeTable {
  readonly length: number
  /** the repeated values, each once: code k in `codes` is values[k - 1], 0 is none */
  readonly values: readonly string[]
  /** CODED fields' codes, CODED.length per notice */
  readonly codes: Uint32Array
  /** the revisions, each once (a table holds one or two) */
  readonly revisions: readonly number[]
  /** each notice's index in `revisions` */
  readonly revisionOf: Uint32Array
  /** chunk + 1; 0: none (a village notice, held whole) */
  readonly chunks: Uint32Array
  /** PINNED | URGENT */
  readonly flags: Uint8Array
  /** every notice's id then title, UTF-16 code units, notice after notice */
  readonly text: Uint16Array
  /** where notice r's id (2r) and title (2r + 1) end in `text`; each starts where the one before ends */
  readonly ends: Uint32Array
  /** the attract loop's texts (pinned and urgent notices only) */
  readonly excerpts: readonly string[]
  /** each notice's index in `excerpts` + 1; 0: none */
  readonly excerptOf: Uint32Array
  /**
   * true when the notices come in board order (window.ts's byBoardOrder), as the sync worker hands them over:
   * the board, a filter of them, is then in order without a sort (its 3,300 comparisons through row views
   * were ≈ 15 ms of the apply's task at 4× CPU, and ran again every minute)
   */
  readonly inBoardOrder: boolean
}

export const CODED = ['category', 'published', 'expires', 'checklistItem', 'origin', 'sourceId'] as const
export type CodedField = (typeof CODED)[number]
/** each coded field's place among a notice's codes */
export const COLUMN: Readonly<Record<CodedField, number>> = { category: 0, published: 1, expires: 2, checklistItem: 3, origin: 4, sourceId: 5 }
export const PINNED = 1
export const URGENT = 2

/** codes for values, one code per distinct value (0 for none) */
function coder(values: string[]) {
  const codeOf = new Map<string, number>(values.map((v, i) => [v, i + 1]))
  return (v: string | undefined): number => {
    if (v === undefined) return 0
    let k = codeOf.get(v)
    if (k === undefined) {
      k = values.push(v)
      codeOf.set(v, k)
    }
    return k
  }
}

/** a table of n notices and this many code units of ids and titles, its arrays zeroed */
function allocate(n: number, chars: number, values: string[], revisions: number[], excerpts: string[], inBoardOrder: boolean): NoticeTable {
  return {
    length: n, inBoardOrder, values, codes: new Uint32Array(n * CODED.length), revisions, revisionOf: new Uint32Array(n), chunks: new Uint32Array(n), flags: new Uint8Array(n),
    text: new Uint16Array(chars), ends: new Uint32Array(2 * n), excerpts, excerptOf: new Uint32Array(n),
  }
}

export function tableOf(list: readonly NoticeSummary[]): NoticeTable {
  const n = list.length
  const values: string[] = []
  const code = coder(values)
  const revisions: number[] = []
  const excerpts: string[] = []
  let chars = 0
  let ordered = true
  for (let i = 0; i < n; i++) {
    chars += list[i]!.id.length + list[i]!.title.length
    if (ordered && i > 0 && byBoardOrder(list[i - 1]!, list[i]!) > 0) ordered = false
  }
  const t = allocate(n, chars, values, revisions, excerpts, ordered)
  let at = 0
  const write = (s: string) => {
    for (let k = 0; k < s.length; k++) t.text[at++] = s.charCodeAt(k)
    return at
  }
  for (let i = 0; i < n; i++) {
    const s = list[i]!
    t.ends[2 * i] = write(s.id)
    t.ends[2 * i + 1] = write(s.title)
    for (let f = 0; f < CODED.length; f++) t.codes[i * CODED.length + f] = code(s[CODED[f]!])
    let r = revisions.indexOf(s.revision)
    if (r === -1) r = revisions.push(s.revision) - 1
    t.revisionOf[i] = r
    t.chunks[i] = s.chunk === undefined ? 0 : s.chunk + 1
    t.flags[i] = (s.pinned ? PINNED : 0) | (s.urgent ? URGENT : 0)
    if (s.excerpt !== undefined) t.excerptOf[i] = excerpts.push(s.excerpt)
  }
  return t
}

export const EMPTY_TABLE: NoticeTable = tableOf([])

/** One table of these, in order: the parts of a hand-over, or the township's notices and the village's own. */
export function joinTables(parts: readonly NoticeTable[]): NoticeTable {
  if (parts.length === 1) return parts[0]!
  let n = 0
  let chars = 0
  for (const p of parts) {
    n += p.length
    chars += p.text.length
  }
  const values: string[] = []
  const code = coder(values)
  const revisions: number[] = []
  const excerpts: string[] = []
  // the village's own notices follow the township's, out of board order (the board sorts them in)
  const t = allocate(n, chars, values, revisions, excerpts, parts.length === 0 || (parts.length === 1 && parts[0]!.inBoardOrder))
  let row = 0
  let at = 0
  for (const p of parts) {
    // the part's codes in the joined table's values (a part's value list is short: its dates, items, categories)
    const recode = new Uint32Array(p.values.length + 1)
    p.values.forEach((v, k) => (recode[k + 1] = code(v)))
    const base = row * CODED.length
    for (let k = 0; k < p.codes.length; k++) t.codes[base + k] = recode[p.codes[k]!]!
    const revision = p.revisions.map((r) => {
      const k = revisions.indexOf(r)
      return k === -1 ? revisions.push(r) - 1 : k
    })
    for (let i = 0; i < p.length; i++) {
      t.revisionOf[row + i] = revision[p.revisionOf[i]!]!
      const e = p.excerptOf[i]!
      if (e !== 0) t.excerptOf[row + i] = excerpts.push(p.excerpts[e - 1]!)
    }
    for (let k = 0; k < p.ends.length; k++) t.ends[2 * row + k] = p.ends[k]! + at
    t.chunks.set(p.chunks, row)
    t.flags.set(p.flags, row)
    t.text.set(p.text, at)
    row += p.length
    at += p.text.length
  }
  return t
}

/** what postMessage may move rather than copy */
export const tableTransfer = (t: NoticeTable): ArrayBuffer[] => [t.codes, t.revisionOf, t.chunks, t.flags, t.text, t.ends, t.excerptOf].map((a) => a.buffer as ArrayBuffer)

/** where notice r's id starts in `text` */
const startOf = (t: NoticeTable, r: number) => (r === 0 ? 0 : t.ends[2 * r - 1]!)

/** the code units of text[from, to) as a string, in slices (fromCharCode takes its arguments on the stack) */
function textAt(t: NoticeTable, from: number, to: number): string {
  let s = ''
  for (let a = from; a < to; a += 4096) s += String.fromCharCode.apply(null, t.text.subarray(a, Math.min(to, a + 4096)) as unknown as number[])
  return s
}

export const idAt = (t: NoticeTable, r: number): string => textAt(t, startOf(t, r), t.ends[2 * r]!)
export const titleAt = (t: NoticeTable, r: number): string => textAt(t, t.ends[2 * r]!, t.ends[2 * r + 1]!)

/** the value of a coded field of notice r */
export function valueAt(t: NoticeTable, r: number, f: CodedField): string | undefined {
  const k = t.codes[r * CODED.length + COLUMN[f]]!
  return k === 0 ? undefined : t.values[k - 1]
}

/** The row of the notice with this id, the first if several; -1 when none. Compares code units in place: no string is made per notice. */
export function rowOf(t: NoticeTable, id: string): number {
  for (let r = 0; r < t.length; r++) {
    const from = startOf(t, r)
    if (t.ends[2 * r]! - from !== id.length) continue
    let k = 0
    while (k < id.length && t.text[from + k] === id.charCodeAt(k)) k++
    if (k === id.length) return r
  }
  return -1
}
