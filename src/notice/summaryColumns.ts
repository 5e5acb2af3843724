/**
 * Notice summaries in columns: the form they cross postMessage in, from the
 * sync worker to the page (sync.worker.ts → syncWorkerClient.ts).
 *
 * Structured clone writes every property name of every object, and the page
 * reads each one back: 10,000 summaries of 13 fields cost the page ≈ 45 ms in
 * Chromium 109, after the worker's commit and before the new board shows
 * (issue 19, item 3). In columns they are two arrays of strings and a few typed
 * arrays (moved, not copied), and a value notices repeat (category, dates,
 * checklist item, origin, source) crosses once. Numbers the page holds in each
 * summary (revision, chunk) come out as small integers, as they were, not boxed.
 */
import { heldSummary, shared, type NoticeSummary, type StringPool } from './summary'

export interface SummaryColumns {
  /** the repeated values, each once: code k in `codes` is values[k - 1], 0 is none */
  values: string[]
  ids: string[]
  titles: string[]
  /** CODED fields' codes, CODED.length per notice */
  codes: Uint32Array
  /** the revisions, each once (a part has one): a number read from a Float64Array is held boxed, 12 bytes a summary */
  revisions: number[]
  /** each notice's index in `revisions` */
  revisionOf: Uint32Array
  /** chunk + 1; 0: none (a village notice, held whole) */
  chunks: Uint32Array
  /** PINNED | URGENT */
  flags: Uint8Array
  /** the attract loop's text of the notices that have one (pinned and urgent): [position, text] */
  excerpts: [number, string][]
}

const CODED = ['category', 'published', 'expires', 'checklistItem', 'origin', 'sourceId'] as const
const PINNED = 1
const URGENT = 2

export function toColumns(list: readonly NoticeSummary[]): SummaryColumns {
  const n = list.length
  const values: string[] = []
  const codeOf = new Map<string, number>()
  const code = (v: string | undefined): number => {
    if (v === undefined) return 0
    let k = codeOf.get(v)
    if (k === undefined) {
      k = values.push(v)
      codeOf.set(v, k)
    }
    return k
  }
  const c: SummaryColumns = { values, ids: new Array<string>(n), titles: new Array<string>(n), codes: new Uint32Array(n * CODED.length), revisions: [], revisionOf: new Uint32Array(n), chunks: new Uint32Array(n), flags: new Uint8Array(n), excerpts: [] }
  for (let i = 0; i < n; i++) {
    const s = list[i]!
    c.ids[i] = s.id
    c.titles[i] = s.title
    for (let f = 0; f < CODED.length; f++) c.codes[i * CODED.length + f] = code(s[CODED[f]!])
    let r = c.revisions.indexOf(s.revision)
    if (r === -1) r = c.revisions.push(s.revision) - 1
    c.revisionOf[i] = r
    c.chunks[i] = s.chunk === undefined ? 0 : s.chunk + 1
    c.flags[i] = (s.pinned ? PINNED : 0) | (s.urgent ? URGENT : 0)
    if (s.excerpt !== undefined) c.excerpts.push([i, s.excerpt])
  }
  return c
}

/** what postMessage may move rather than copy */
export const columnsTransfer = (c: SummaryColumns): ArrayBuffer[] => [c.codes.buffer, c.revisionOf.buffer, c.chunks.buffer, c.flags.buffer] as ArrayBuffer[]

/** The summaries back, as the page holds them (summary.ts heldSummary), each repeated value one string from `pool`. */
export function fromColumns(c: SummaryColumns, pool: StringPool): NoticeSummary[] {
  const values = c.values.map((v) => shared(pool, v)!)
  const at = (i: number, f: number): string | undefined => {
    const k = c.codes[i * CODED.length + f]!
    return k === 0 ? undefined : values[k - 1]
  }
  const excerpts = new Map(c.excerpts)
  const out = new Array<NoticeSummary>(c.ids.length)
  for (let i = 0; i < out.length; i++) {
    const chunk = c.chunks[i]!
    out[i] = heldSummary(
      c.ids[i]!, c.titles[i]!, at(i, 0)!, at(i, 1), at(i, 2), at(i, 3),
      (c.flags[i]! & PINNED) !== 0, (c.flags[i]! & URGENT) !== 0, at(i, 4) as NoticeSummary['origin'], at(i, 5)!, c.revisions[c.revisionOf[i]!]!, chunk === 0 ? undefined : chunk - 1, excerpts.get(i),
    )
  }
  return out
}
