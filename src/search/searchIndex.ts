/**
 * The query side: a loaded index answering what the resident has typed so
 * far. No dictionary is needed — every character's readings were stored when
 * the revision was applied.
 *
 * A latin query (from the on-screen keyboard) matches consecutive characters:
 * each character is matched by its full syllable, its initial (zh/ch/sh or the
 * first letter), and the last one also by any start of its syllable, so
 * "dbgs", "dibao", "dib", "dibaogs" all find 低保公示. Latin letters and digits
 * in the text read as themselves, so English words and numbers match too.
 * A query with Chinese characters (typed with an input method) matches as is.
 *
 * Typing only ever narrows: whatever matches "dba" also matches "db". Results
 * of earlier prefixes are kept, so each key press checks only the documents
 * the previous one found.
 */
import { BREAK_SET, SPACE_SET } from './buildIndex'
import { snippetAround } from './highlight'
import { SEARCH_INDEX_VERSION, type NoticeWindow, type Range, type SearchDoc, type SearchResult, type SerializedSearchIndex } from './types'

const DIGIT_BIT = 1 << 26

function letterBit(code: number): number {
  if (code >= 97 && code <= 122) return 1 << (code - 97)
  if (code >= 48 && code <= 57) return DIGIT_BIT
  return 0
}

/** The initial a resident would type for a syllable: zh/ch/sh, else its first letter. */
export function initialOf(syllable: string): string {
  return /^[zcs]h./.test(syllable) ? syllable.slice(0, 2) : syllable.slice(0, 1)
}

/** Lower-case, no white space; ü/Ü (or u: from some keyboards) become v as in the stored readings. */
export function normalizeQuery(q: string): string {
  return q.toLowerCase().replace(/\s+/g, '').replace(/ü|u:/g, 'v')
}

export function isLatinQuery(q: string): boolean {
  return /^[a-z0-9]+$/.test(q)
}

/** Type guard for what comes back from IndexedDB (could be an older layout, or damaged). */
export function isSerializedSearchIndex(x: unknown): x is SerializedSearchIndex {
  if (!x || typeof x !== 'object') return false
  const o = x as Partial<SerializedSearchIndex>
  if (o.version !== SEARCH_INDEX_VERSION || !Array.isArray(o.sets) || !Array.isArray(o.docs) || !(o.codes instanceof Uint16Array)) return false
  let total = 0
  for (const d of o.docs) {
    if (!d || typeof d.title !== 'string' || typeof d.body !== 'string' || typeof d.id !== 'string') return false
    total += d.title.length + d.body.length
  }
  if (total !== o.codes.length) return false
  for (const c of o.codes) if (c >= o.sets.length) return false
  return true
}

interface Match {
  start: number
  end: number
  /** characters the query covered: fewer means more whole syllables were typed */
  chars: number
}

export interface SearchOptions {
  now: Date
  /** how many results to return, best first */
  limit?: number
}

export interface SearchAnswer {
  results: SearchResult[]
  total: number
}

export class SearchIndex {
  readonly docs: readonly SearchDoc[]
  private readonly codes: Uint16Array
  /** per reading set: syllables, their initials, and a bit per possible first letter */
  private readonly syllables: string[][]
  private readonly initials: string[][]
  private readonly firstMask: Uint32Array
  /** title start, body start, end of each doc in `codes` */
  private readonly bounds: Int32Array
  private readonly dateRank: Int32Array
  private readonly publishedMs: Float64Array
  private readonly expiresMs: Float64Array
  /** docs that matched earlier queries (keyed by normalised query) */
  private readonly cache = new Map<string, Int32Array>()

  constructor(data: SerializedSearchIndex) {
    this.docs = data.docs
    this.codes = data.codes
    this.syllables = data.sets
    this.initials = data.sets.map((s) => s.map(initialOf))
    this.firstMask = new Uint32Array(data.sets.length)
    data.sets.forEach((s, i) => {
      for (const syl of s) this.firstMask[i]! |= letterBit(syl.charCodeAt(0))
    })
    const n = data.docs.length
    this.bounds = new Int32Array(n * 3)
    this.publishedMs = new Float64Array(n)
    this.expiresMs = new Float64Array(n)
    let at = 0
    data.docs.forEach((d, i) => {
      this.bounds[i * 3] = at
      this.bounds[i * 3 + 1] = at + d.title.length
      at += d.title.length + d.body.length
      this.bounds[i * 3 + 2] = at
      this.publishedMs[i] = d.published ? Date.parse(d.published) : NaN
      this.expiresMs[i] = d.expires ? Date.parse(d.expires) : NaN
    })
    // newer first; things without a date (checklist items, chapters) after dated notices
    const order = [...data.docs.keys()].sort((a, b) => {
      const pa = this.publishedMs[a]!
      const pb = this.publishedMs[b]!
      if (Number.isNaN(pa) !== Number.isNaN(pb)) return Number.isNaN(pa) ? 1 : -1
      return (Number.isNaN(pb) ? 0 : pb) - (Number.isNaN(pa) ? 0 : pa) || a - b
    })
    this.dateRank = new Int32Array(n)
    order.forEach((doc, rank) => (this.dateRank[doc] = rank))
  }

  get size(): number {
    return this.docs.length
  }

  private windowOf(doc: number, now: number): NoticeWindow | undefined {
    if (this.docs[doc]!.kind !== 'notice') return undefined
    const p = this.publishedMs[doc]!
    const e = this.expiresMs[doc]!
    if (p > now) return 'upcoming'
    if (e <= now) return 'expired'
    return 'open'
  }

  /** Matches q (from qi on) against the characters from position p; returns the end position, or -1. */
  private matchAt(q: string, qi: number, p: number, end: number, depth: number): number {
    const codes = this.codes
    while (p < end && codes[p] === SPACE_SET) p++
    if (p >= end) return -1
    const set = codes[p]!
    if (set === BREAK_SET) return -1
    const syls = this.syllables[set]!
    const inits = this.initials[set]!
    const rest = q.length - qi
    // the last piece typed may be any start of the syllable: it ends the match here
    for (const s of syls) if (rest <= s.length && s.startsWith(rest === q.length ? q : q.slice(qi))) return p + 1
    if (depth > 40) return -1
    for (let k = 0; k < syls.length; k++) {
      const s = syls[k]!
      if (s.length < rest && q.startsWith(s, qi)) {
        const r = this.matchAt(q, qi + s.length, p + 1, end, depth + 1)
        if (r >= 0) return r
      }
      const ini = inits[k]!
      if (ini.length === 2 && ini !== s && q.startsWith(ini, qi)) {
        const r = this.matchAt(q, qi + 2, p + 1, end, depth + 1)
        if (r >= 0) return r
      }
      if (s.length > 1 && q.charCodeAt(qi) === s.charCodeAt(0)) {
        const r = this.matchAt(q, qi + 1, p + 1, end, depth + 1)
        if (r >= 0) return r
      }
    }
    return -1
  }

  private countChars(start: number, end: number): number {
    let n = 0
    for (let p = start; p < end; p++) if (this.codes[p] !== SPACE_SET) n++
    return n
  }

  /** The best latin match in [from, to): fewest characters, then earliest. `firstOnly` stops at the first. */
  private latinMatch(q: string, bit: number, from: number, to: number, firstOnly: boolean): Match | null {
    const codes = this.codes
    const mask = this.firstMask
    let best: Match | null = null
    for (let p = from; p < to; p++) {
      if ((mask[codes[p]!]! & bit) === 0) continue
      const e = this.matchAt(q, 0, p, to, 0)
      if (e < 0) continue
      const chars = this.countChars(p, e)
      if (!best || chars < best.chars) best = { start: p - from, end: e - from, chars }
      if (firstOnly || chars === 1) break
    }
    return best
  }

  private textMatch(q: string, text: string): Match | null {
    const i = text.indexOf(q)
    return i < 0 ? null : { start: i, end: i + q.length, chars: q.length }
  }

  /** Where doc i matches: its title if it can, else its body. */
  private matchDoc(q: string, latin: boolean, bit: number, doc: number): { field: 0 | 1; m: Match } | null {
    const b = this.bounds
    const d = this.docs[doc]!
    if (latin) {
      const t = this.latinMatch(q, bit, b[doc * 3]!, b[doc * 3 + 1]!, false)
      if (t) return { field: 0, m: t }
      const m = this.latinMatch(q, bit, b[doc * 3 + 1]!, b[doc * 3 + 2]!, true)
      return m ? { field: 1, m } : null
    }
    const t = this.textMatch(q, d.title) ?? this.textMatch(q, d.title.toLowerCase())
    if (t) return { field: 0, m: t }
    const m = this.textMatch(q, d.body) ?? this.textMatch(q, d.body.toLowerCase())
    return m ? { field: 1, m } : null
  }

  private candidates(q: string): Int32Array | null {
    for (let k = q.length - 1; k > 0; k--) {
      const hit = this.cache.get(q.slice(0, k))
      if (hit) return hit
    }
    return null
  }

  /** Best results for what has been typed, and how many matched in all; nothing for an empty query. */
  search(query: string, options: SearchOptions): SearchAnswer {
    const q = normalizeQuery(query)
    if (!q) return { results: [], total: 0 }
    const limit = options.limit ?? 30
    const now = options.now.getTime()
    const latin = isLatinQuery(q)
    const bit = latin ? letterBit(q.charCodeAt(0)) : 0
    const n = this.docs.length
    const pool = this.candidates(q)
    const matched: number[] = []
    // best `limit` results kept sorted by score (lower is better)
    const top: { score: number; doc: number; field: 0 | 1; m: Match }[] = []
    const count = pool ? pool.length : n
    for (let i = 0; i < count; i++) {
      const doc = pool ? pool[i]! : i
      const hit = this.matchDoc(q, latin, bit, doc)
      if (!hit) continue
      matched.push(doc)
      const win = this.windowOf(doc, now)
      const winRank = win === 'expired' ? 2 : win === 'upcoming' ? 1 : 0
      // title before body; more whole syllables typed before fewer; open before archived; newer before older
      const score = ((hit.field * 64 + Math.min(hit.m.chars, 63)) * 3 + winRank) * (n + 1) + this.dateRank[doc]!
      if (top.length === limit && score >= top[top.length - 1]!.score) continue
      let lo = 0
      let hi = top.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (top[mid]!.score <= score) lo = mid + 1
        else hi = mid
      }
      top.splice(lo, 0, { score, doc, field: hit.field, m: hit.m })
      if (top.length > limit) top.pop()
    }
    if (this.cache.size > 64) this.cache.clear()
    this.cache.set(q, Int32Array.from(matched))
    return { results: top.map(({ doc, field, m }) => this.toResult(doc, field, m, now)), total: matched.length }
  }

  private toResult(doc: number, field: 0 | 1, m: Match, now: number): SearchResult {
    const d = this.docs[doc]!
    const range: Range = [m.start, m.end]
    const r: SearchResult = { kind: d.kind, id: d.id, title: d.title, field: field === 0 ? 'title' : 'body', titleRanges: field === 0 ? [range] : [] }
    if (field === 1) r.snippet = snippetAround(d.body, range)
    const win = this.windowOf(doc, now)
    if (win) r.window = win
    if (d.published) r.published = d.published
    return r
  }
}
