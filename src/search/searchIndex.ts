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
import { snippetAround } from './highlight'
// from types.ts, not buildIndex.ts: importing the builder put its dictionary (pinyin-pro, ≈ 170 KB) in the search screen's chunk
import { BREAK_SET, SEARCH_INDEX_VERSION, SPACE_SET, type NoticeWindow, type Range, type SearchDoc, type SearchResult, type SerializedSearchIndex } from './types'

const DIGIT_BIT = 1 << 26
/** letters a–z and digits 0–9: the alphabet of the on-screen keyboard */
const ALPHABET = 36
/**
 * Gapped abbreviations (tdbc → 土地征收补偿): a word of at least this many
 * characters may be followed by up to MAX_GAP characters the query skips.
 */
const MIN_WORD_BEFORE_GAP = 2
const MAX_GAP = 4
/**
 * A character whose typed letters are only the initial of one of its less
 * common readings (z for 长 as zhang, j for 期 as ji) is an uncommon read.
 * One in a run is normal (c for 重 in 重阳节); a run needing more is a chance
 * match (xczj in 溪村长期, read xi-cun-zhang-ji), not a word the resident
 * abbreviated: it does not count as whole words.
 */
const MAX_UNCOMMON = 1
/** a move budget that never runs out */
const ANY = 1 << 20
/** gapAt's edgeAt when pieces need not be whole words (any real offset is larger: it is at least minus the text's length) */
const FREE = -0x80000000

function letterBit(code: number): number {
  if (code >= 97 && code <= 122) return 1 << (code - 97)
  if (code >= 48 && code <= 57) return DIGIT_BIT
  return 0
}

/** in a set's moves: it can end the match */
const END = 1 << 8
/** a set's moves shifted by this: the ones only an uncommon reading's initial allows */
const UNCOMMON_SHIFT = 16

function letterIndex(code: number): number {
  if (code >= 97 && code <= 122) return code - 97
  if (code >= 48 && code <= 57) return 26 + code - 48
  return -1
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
  if (!(o.titleEdges instanceof Uint8Array)) return false
  if (o.titleEdges.length !== 0 && o.titleEdges.length !== o.docs.reduce((n, d) => n + d.title.length + 1, 0)) return false
  for (const c of o.codes) if (c >= o.sets.length) return false
  return true
}

interface Match {
  start: number
  end: number
  /** characters the query covered: fewer means more whole syllables were typed */
  chars: number
  /** a gapped match: the pieces typed (offsets as start/end), in order */
  pieces?: Range[]
}

/**
 * Ranking tiers: titles before bodies; in titles, whole words before runs across
 * word edges; a gapped match below the contiguous one of the same kind (a gapped
 * match of whole words, 土地·补偿 in 土地征收补偿, still before a chance run across
 * words such as 月垃圾分 for yljf).
 */
const TIER_TITLE_WHOLE = 0
const TIER_TITLE_WHOLE_GAPPED = 1
const TIER_TITLE = 2
const TIER_TITLE_GAPPED = 3
const TIER_BODY = 4
const TIER_BODY_GAPPED = 5
type Tier = 0 | 1 | 2 | 3 | 4 | 5

/**
 * What one query matched, kept for the next keystroke. `starts` (ascending)
 * are all positions where a latin match (contiguous or gapped) begins: the
 * longer query can only begin at one of them.
 */
interface Matched {
  docs: Int32Array
  starts: Int32Array | null
}

export interface SearchOptions {
  now: Date
  /** how many results to return, best first */
  limit?: number
}

/** A word of the content that the typed letters spell, offered as an input method offers 候选词. */
export interface SearchCandidate {
  word: string
  /** notices on the board (公示中) that contain it */
  onBoard: number
}

export interface SearchAnswer {
  results: SearchResult[]
  total: number
  /** for two or more typed letters: the words they spell, most frequent and recent on the board first */
  candidates?: SearchCandidate[]
}

/** how many candidate words a query offers */
export const CANDIDATE_LIMIT = 8

/** at most this many match positions are read for candidate words */
const CANDIDATE_SAMPLE = 6000

interface CandidateCount {
  word: string
  onBoard: number
  newest: number
  elsewhere: number
  lastDoc: number
}

/** Lowest set bit's index of a non-zero 32-bit word. */
const lowBit = (w: number) => 31 - Math.clz32(w & -w)

/** The start-position table (see SearchIndex.firstPos): positions grouped by first letter, two passes over the codes. */
function startTable(codes: Uint16Array, lo: Uint32Array, hi: Uint32Array): [Int32Array, Int32Array] {
  const off = new Int32Array(ALPHABET + 1)
  for (let p = 0; p < codes.length; p++) {
    const c = codes[p]!
    for (let w = lo[c]!; w; w &= w - 1) off[lowBit(w) + 1]!++
    for (let w = hi[c]!; w; w &= w - 1) off[32 + lowBit(w) + 1]!++
  }
  for (let a = 0; a < ALPHABET; a++) off[a + 1]! += off[a]!
  const at = off.slice(0, ALPHABET)
  const pos = new Int32Array(off[ALPHABET]!)
  for (let p = 0; p < codes.length; p++) {
    const c = codes[p]!
    for (let w = lo[c]!; w; w &= w - 1) pos[at[lowBit(w)]!++] = p
    for (let w = hi[c]!; w; w &= w - 1) pos[at[32 + lowBit(w)]!++] = p
  }
  return [off, pos]
}

const newCount = (word: string): CandidateCount => ({ word, onBoard: 0, newest: -Infinity, elsewhere: 0, lastDoc: -1 })

export class SearchIndex {
  readonly docs: readonly SearchDoc[]
  private readonly codes: Uint16Array
  /** per reading set: syllables, their initials, and a bit per possible first letter */
  private readonly syllables: string[][]
  private readonly initials: string[][]
  private readonly firstMask: Uint32Array
  /** per reading set: a bit per possible second letter of its syllables */
  private readonly secondMask: Uint32Array
  /** per field (doc × title/body): a bit per first letter of any of its characters (a one-letter query needs no scan) */
  private readonly letters: Uint32Array
  /**
   * The start-position table: for each letter of the keyboard (letterIndex),
   * every position in `codes` whose character can begin with it, ascending;
   * `firstPos[firstOff[a] .. firstOff[a + 1])`. A fresh query reads only the
   * positions of its first letter, never all the text.
   */
  private readonly firstOff: Int32Array
  private readonly firstPos: Int32Array
  /** title start, body start, end of each doc in `codes` */
  private readonly bounds: Int32Array
  private readonly dateRank: Int32Array
  private readonly publishedMs: Float64Array
  private readonly expiresMs: Float64Array
  /** titleEdges of the stored index, and where each doc's flags begin in it */
  private readonly titleEdges: Uint8Array
  private readonly edgeBase: Int32Array
  /** what earlier keystrokes of the current query matched (keyed by normalised query) */
  private readonly cache = new Map<string, Matched>()

  constructor(data: SerializedSearchIndex) {
    this.docs = data.docs
    this.codes = data.codes
    this.syllables = data.sets
    this.initials = data.sets.map((s) => s.map(initialOf))
    this.firstMask = new Uint32Array(data.sets.length)
    this.secondMask = new Uint32Array(data.sets.length)
    // per set: its first letters (letterIndex) as a bit set over 36 letters, split in two words
    const firstsLo = new Uint32Array(data.sets.length)
    const firstsHi = new Uint32Array(data.sets.length)
    data.sets.forEach((s, i) => {
      for (const syl of s) {
        this.firstMask[i]! |= letterBit(syl.charCodeAt(0))
        this.secondMask[i]! |= letterBit(syl.charCodeAt(1))
        const a = letterIndex(syl.charCodeAt(0))
        if (a >= 32) firstsHi[i]! |= 1 << (a - 32)
        else if (a >= 0) firstsLo[i]! |= 1 << a
      }
    })
    const n = data.docs.length
    this.letters = new Uint32Array(n * 2)
    this.bounds = new Int32Array(n * 3)
    this.publishedMs = new Float64Array(n)
    this.expiresMs = new Float64Array(n)
    let at = 0
    data.docs.forEach((d, i) => {
      this.bounds[i * 3] = at
      this.bounds[i * 3 + 1] = at + d.title.length
      at += d.title.length + d.body.length
      this.bounds[i * 3 + 2] = at
      this.addLetters(i * 2, this.bounds[i * 3]!, this.bounds[i * 3 + 1]!)
      this.addLetters(i * 2 + 1, this.bounds[i * 3 + 1]!, at)
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
    ;[this.firstOff, this.firstPos] = startTable(this.codes, firstsLo, firstsHi)
    this.titleEdges = data.titleEdges
    this.edgeBase = new Int32Array(n)
    let edge = 0
    data.docs.forEach((d, i) => {
      this.edgeBase[i] = edge
      edge += d.title.length + 1
    })
  }

  /** Whether [start, end) of a doc's title (offsets in the title) begins and ends on word edges. */
  private wholeInTitle(doc: number, start: number, end: number): boolean {
    if (this.titleEdges.length === 0) return true
    const base = this.edgeBase[doc]!
    return this.titleEdges[base + start] === 1 && this.titleEdges[base + end] === 1
  }

  /** After gappedAt in a title: the match is of whole words (always, without word edges, unless it needs uncommon reads). */
  private get gappedWhole(): boolean {
    return this.gapWhole || (this.titleEdges.length === 0 && !this.uncommon)
  }

  private addLetters(field: number, from: number, to: number) {
    let m = 0
    for (let p = from; p < to; p++) m |= this.firstMask[this.codes[p]!]!
    this.letters[field] = m
  }

  /** Forgets what earlier keystrokes matched (the next query starts from all documents). */
  reset(): void {
    this.cache.clear()
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

  /**
   * What a reading set can do at each point of the current query, worked out
   * once per (set, query position) on first use: bit c (1–7) = it can take the
   * next c letters and let the next character go on; END = it can take the
   * rest. Matching then compares small integers, not strings.
   */
  private moves = new Int32Array(0)
  private query = ''
  /** set by matchAt/gapAt: a move was refused because the run had used its uncommon reads */
  private cut = false
  /** set by contiguousAt/gappedAt: the match found needs more than MAX_UNCOMMON uncommon reads */
  private uncommon = false
  /** set by gappedAt: the match found is of whole words of the title */
  private gapWhole = false

  private movesOf(set: number, qi: number): number {
    const key = set * (this.query.length + 1) + qi
    const known = this.moves[key]!
    if (known >= 0) return known
    const q = this.query
    const rest = q.length - qi
    const suffix = q.slice(qi)
    let m = 0
    // the same moves, by the most common reading (listed first) or by more than an initial
    let common = 0
    const syls = this.syllables[set]!
    const inits = this.initials[set]!
    for (let k = 0; k < syls.length; k++) {
      const s = syls[k]!
      const ini = inits[k]!
      const first = k === 0
      // the last piece typed may be any start of the syllable: it ends the match here
      if (rest <= s.length && s.startsWith(suffix)) {
        m |= END
        if (first || rest > ini.length) common |= END
      }
      if (s.length < rest && s.length <= 7 && q.startsWith(s, qi)) {
        m |= 1 << s.length
        common |= 1 << s.length
      }
      if (ini.length === 2 && ini !== s && rest > 2 && q.startsWith(ini, qi)) {
        m |= 1 << 2
        if (first) common |= 1 << 2
      }
      if (rest > 1 && q.charCodeAt(qi) === s.charCodeAt(0)) {
        m |= 1 << 1
        if (first) common |= 1 << 1
      }
    }
    m |= (m & ~common) << UNCOMMON_SHIFT
    this.moves[key] = m
    return m
  }

  /** The uncommon reads left after reading c letters here (`rare`: which moves are uncommon); -1, and `cut` set, when none are. */
  private budgetAfter(rare: number, c: number, budget: number): number {
    if ((rare & (1 << c)) === 0) return budget
    if (budget === 0) {
      this.cut = true
      return -1
    }
    return budget - 1
  }

  /**
   * Matches the query (from qi on) against the characters from position p; returns the end position, or -1.
   * `budget`: how many more characters may be uncommon reads.
   */
  private matchAt(qi: number, p: number, end: number, budget: number): number {
    const codes = this.codes
    while (p < end && codes[p] === SPACE_SET) p++
    if (p >= end) return -1
    const set = codes[p]!
    if (set === BREAK_SET) return -1
    const m = this.movesOf(set, qi)
    const rare = m >> UNCOMMON_SHIFT
    if (m & END) {
      if ((rare & END) === 0 || budget > 0) return p + 1
      this.cut = true
    }
    for (let c = 1; c <= 7; c++) {
      if ((m & (1 << c)) === 0) continue
      const left = this.budgetAfter(rare, c, budget)
      if (left < 0) continue
      const r = this.matchAt(qi + c, p + 1, end, left)
      if (r >= 0) return r
    }
    return -1
  }

  /** A contiguous match from p: one with few uncommon reads if there is one (sets `uncommon`). */
  private contiguousAt(p: number, end: number): number {
    this.cut = false
    let e = this.matchAt(0, p, end, MAX_UNCOMMON)
    this.uncommon = false
    if (e < 0 && this.cut) {
      e = this.matchAt(0, p, end, ANY)
      this.uncommon = e >= 0
    }
    return e
  }

  /**
   * A gapped match from p, as contiguousAt; with `pieces`, the words typed (see gapAt). In a title
   * (`edgeAt`, see gapAt) one of whole words is looked for first (乡村·资金 for xczj in
   * 乡村振兴衔接资金, not 乡村振·接): `gapWhole` says whether it was found.
   */
  private gappedAt(p: number, end: number, pieces: number[] | null, edgeAt = FREE): number {
    this.cut = false
    this.uncommon = false
    this.gapWhole = false
    let e = -1
    if (edgeAt !== FREE && this.titleEdges[edgeAt + p] === 1) {
      e = this.gapAt(0, p, end, 0, p, pieces, MAX_UNCOMMON, edgeAt)
      if (e >= 0) {
        this.gapWhole = true
        return e
      }
      if (pieces) pieces.length = 0
    }
    e = this.gapAt(0, p, end, 0, p, pieces, MAX_UNCOMMON, FREE)
    if (e < 0 && this.cut) {
      if (pieces) pieces.length = 0
      e = this.gapAt(0, p, end, 0, p, pieces, ANY, FREE)
      this.uncommon = e >= 0
    }
    return e
  }

  /**
   * A gapped match of the query (from qi on) from position p: like matchAt, but
   * after a word of at least MIN_WORD_BEFORE_GAP characters up to MAX_GAP
   * characters may be skipped (never a break). `word` is how many characters
   * the current word has, `wordStart` where it began; with `pieces`, the
   * [start, end) of every word typed is pushed (last word first). With
   * `edgeAt` (not FREE: the title's flag of position x is titleEdges[edgeAt + x]),
   * every piece begins and ends on a word edge.
   */
  private gapAt(qi: number, p: number, end: number, word: number, wordStart: number, pieces: number[] | null, budget: number, edgeAt: number): number {
    const codes = this.codes
    while (p < end && codes[p] === SPACE_SET) p++
    if (p >= end) return -1
    const set = codes[p]!
    if (set === BREAK_SET) return -1
    if (word === 0) {
      if (edgeAt !== FREE && this.titleEdges[edgeAt + p] !== 1) return -1
      wordStart = p
    }
    const m = this.movesOf(set, qi)
    const rare = m >> UNCOMMON_SHIFT
    const edgeAfter = edgeAt === FREE || this.titleEdges[edgeAt + p + 1] === 1
    if (m & END && edgeAfter) {
      if ((rare & END) === 0 || budget > 0) {
        pieces?.push(wordStart, p + 1)
        return p + 1
      }
      this.cut = true
    }
    for (let c = 1; c <= 7; c++) {
      if ((m & (1 << c)) === 0) continue
      const left = this.budgetAfter(rare, c, budget)
      if (left < 0) continue
      const r = this.gapAt(qi + c, p + 1, end, word + 1, wordStart, pieces, left, edgeAt)
      if (r >= 0) return r
      if (word + 1 < MIN_WORD_BEFORE_GAP || !edgeAfter) continue
      let g = p + 1
      for (let skipped = 0; skipped < MAX_GAP; skipped++) {
        while (g < end && codes[g] === SPACE_SET) g++
        if (g >= end || codes[g] === BREAK_SET) break
        g++
        const r2 = this.gapAt(qi + c, g, end, 0, g, pieces, left, edgeAt)
        if (r2 >= 0) {
          pieces?.push(wordStart, p + 1)
          return r2
        }
      }
    }
    return -1
  }

  private countChars(start: number, end: number): number {
    let n = 0
    for (let p = start; p < end; p++) if (this.codes[p] !== SPACE_SET) n++
    return n
  }

  /**
   * Cheap pre-check before matchAt: the character at p can start the typed letters
   * (first letter `bit`); the second letter typed (`bit2`) is the next character's
   * first, or this syllable's second.
   */
  private mayStartAt(p: number, bit: number, bit2: number, to: number): boolean {
    const set = this.codes[p]!
    if ((this.firstMask[set]! & bit) === 0) return false
    if (bit2 === 0 || (this.secondMask[set]! & bit2) !== 0) return true
    const next = p + 1 < to ? this.codes[p + 1]! : BREAK_SET
    return next === SPACE_SET || (this.firstMask[next]! & bit2) !== 0
  }

  /**
   * The best latin match in [from, to): fewest characters, then earliest. `firstOnly` stops at the first.
   * `gapped`: a gapped match, with its pieces (only asked when the field has no contiguous one);
   * `wholeIn` (a doc): only one whose pieces are whole words of that doc's title.
   */
  private latinMatch(bit: number, bit2: number, from: number, to: number, firstOnly: boolean, gapped: boolean, wholeIn = -1): Match | null {
    let best: Match | null = null
    const pieces: number[] = []
    for (let p = from; p < to; p++) {
      if (!this.mayStartAt(p, bit, bit2, to)) continue
      pieces.length = 0
      const e = gapped ? this.gappedAt(p, to, pieces, wholeIn >= 0 && this.titleEdges.length ? this.edgeBase[wholeIn]! - from : FREE) : this.contiguousAt(p, to)
      if (e < 0) continue
      // the result of a whole-word gapped title match shows such a match
      if (wholeIn >= 0 && !this.gappedWhole) continue
      const chars = this.countChars(p, e)
      if (!best || chars < best.chars) {
        best = { start: p - from, end: e - from, chars }
        if (gapped) {
          const r: Range[] = []
          for (let k = pieces.length - 2; k >= 0; k -= 2) r.push([pieces[k]! - from, pieces[k + 1]! - from])
          best.pieces = r
        }
      }
      if (firstOnly || chars === 1) break
    }
    return best
  }

  private textMatch(q: string, text: string): Match | null {
    const i = text.indexOf(q)
    return i < 0 ? null : { start: i, end: i + q.length, chars: q.length }
  }

  /** Where a field of a doc matches: `field` 0 title, 1 body. */
  private matchField(q: string, latin: boolean, bit: number, bit2: number, doc: number, field: 0 | 1, gapped = false, whole = false): Match | null {
    const b = this.bounds
    const d = this.docs[doc]!
    if (latin) {
      const from = b[doc * 3 + field]!
      const to = b[doc * 3 + field + 1]!
      // a one-letter query matches one character: the first is as good as any
      return this.latinMatch(bit, bit2, from, to, field === 1 || q.length === 1, gapped, whole ? doc : -1)
    }
    const text = field === 0 ? d.title : d.body
    return this.textMatch(q, text) ?? this.textMatch(q, text.toLowerCase())
  }

  /** The longest earlier prefix of q that is still remembered; drops what is not a prefix of q. */
  private candidates(q: string): Matched | null {
    for (const key of [...this.cache.keys()]) if (!q.startsWith(key) || key === q) this.cache.delete(key)
    for (let k = q.length - 1; k > 0; k--) {
      const hit = this.cache.get(q.slice(0, k))
      if (hit) return hit
    }
    return null
  }

  /**
   * The words the matches spell (the text they cover), most often on the
   * board first (counted once per notice that is open now), then most often
   * elsewhere (ended notices, checklist items, chapters), then by the newest
   * notice on the board: a word of the content before a chance pair across words.
   */
  private candidateWords(starts: number[], ends: number[], startDocs: number[], now: number): SearchCandidate[] {
    const b = this.bounds
    // a word of up to three UTF-16 units is keyed by their codes (no string made per match); longer ones by text
    const byCode = new Map<number, CandidateCount>()
    const byText = new Map<string, CandidateCount>()
    let doc = -1
    let open = false
    let text = ''
    let offset = 0
    let titleEnd = 0
    // a village's board has a few thousand match positions at most, all counted; a very large corpus is
    // counted on an even sample of them, which keeps the order of frequent words and the keystroke fast
    const step = Math.max(1, Math.ceil(starts.length / CANDIDATE_SAMPLE))
    for (let i = 0; i < starts.length; i += step) {
      if (startDocs[i] !== doc) {
        doc = startDocs[i]!
        open = this.windowOf(doc, now) === 'open'
        titleEnd = b[doc * 3 + 1]!
      }
      const p = starts[i]!
      const d = this.docs[doc]!
      if (p < titleEnd) {
        text = d.title
        offset = b[doc * 3]!
      } else {
        text = d.body
        offset = titleEnd
      }
      let key = 0
      let units = 0
      let cjk = false
      for (let q = p - offset, end = ends[i]! - offset; q < end; q++) {
        const c = text.charCodeAt(q)
        // white space inside a match is skipped, as the match skips it
        if (c <= 32 || c === 0x3000) continue
        if (c >= 0x3400 && c <= 0x9fff) cjk = true
        key = key * 65536 + c
        units++
      }
      // letters and digits spell themselves: only words with Chinese characters are worth offering
      if (!cjk) continue
      let c: CandidateCount | undefined
      if (units <= 3) {
        c = byCode.get(key)
        if (!c) byCode.set(key, (c = newCount(text.slice(p - offset, ends[i]! - offset))))
      } else {
        const w = text.slice(p - offset, ends[i]! - offset)
        c = byText.get(w)
        if (!c) byText.set(w, (c = newCount(w)))
      }
      if (c.lastDoc === doc) continue
      c.lastDoc = doc
      if (open) {
        c.onBoard++
        const pub = this.publishedMs[doc]!
        if (pub > c.newest) c.newest = pub
      } else c.elsewhere++
    }
    return [...byCode.values(), ...byText.values()]
      .sort((a, b) => b.onBoard - a.onBoard || b.elsewhere - a.elsewhere || b.newest - a.newest)
      .slice(0, CANDIDATE_LIMIT)
      .map((c) => ({ word: c.word.replace(/\s+/g, ''), onBoard: c.onBoard }))
  }

  /** Best results for what has been typed, and how many matched in all; nothing for an empty query. */
  search(query: string, options: SearchOptions): SearchAnswer {
    const q = normalizeQuery(query)
    if (!q) return { results: [], total: 0 }
    const limit = options.limit ?? 30
    const now = options.now.getTime()
    const latin = isLatinQuery(q)
    const bit = latin ? letterBit(q.charCodeAt(0)) : 0
    const bit2 = latin && q.length > 1 ? letterBit(q.charCodeAt(1)) : 0
    if (latin) {
      this.query = q
      this.moves = new Int32Array(this.syllables.length * (q.length + 1)).fill(-1)
    }
    const n = this.docs.length
    const b = this.bounds
    const prev = this.candidates(q)
    const pool = prev?.docs ?? null
    let total = 0
    // a latin query of two or more letters remembers where its matches start (for one letter that is nearly everywhere)
    const keepStarts = latin && q.length > 1
    const matched = new Int32Array(keepStarts ? n : pool ? pool.length : n)
    const starts: number[] = []
    const pieces: number[] = []
    // contiguous matches only: the words offered as candidates
    const wordStarts: number[] = []
    const wordEnds: number[] = []
    const wordDocs: number[] = []
    // a gapped match needs a word of two characters before its gap and one after: three letters or more
    const mayGap = latin && q.length >= 3
    // best `limit` results, sorted by score (lower is better)
    const topScore: number[] = []
    const topDoc: number[] = []

    const consider = (doc: number, tier: Tier, chars: number) => {
      matched[total++] = doc
      const win = this.windowOf(doc, now)
      const winRank = win === 'expired' ? 2 : win === 'upcoming' ? 1 : 0
      // whole words in titles, then other title matches, then gapped title matches, then bodies (contiguous, then gapped);
      // open before upcoming before archived; more whole syllables typed before fewer; newer before older
      const score = ((tier * 3 + winRank) * 64 + Math.min(chars, 63)) * (n + 1) + this.dateRank[doc]!
      if (topScore.length === limit && score >= topScore[limit - 1]!) return
      let lo = 0
      let hi = topScore.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (topScore[mid]! <= score) lo = mid + 1
        else hi = mid
      }
      topScore.splice(lo, 0, score)
      topDoc.splice(lo, 0, doc)
      if (topScore.length > limit) {
        topScore.pop()
        topDoc.pop()
      }
    }

    if (keepStarts) {
      // where a match can begin: where the shorter query matched, else every position of the first letter (the start-position table)
      let src: Int32Array
      let lo: number
      let hi: number
      const known = prev?.starts ?? null
      if (known) {
        src = known
        lo = 0
        hi = known.length
      } else {
        const a = letterIndex(q.charCodeAt(0))
        src = this.firstPos
        lo = this.firstOff[a]!
        hi = this.firstOff[a + 1]!
      }
      let doc = 0
      let i = lo
      while (i < hi) {
        while (src[i]! >= b[doc * 3 + 2]!) doc++
        const titleStart = b[doc * 3]!
        const titleEnd = b[doc * 3 + 1]!
        const docEnd = b[doc * 3 + 2]!
        let bestTitle = 0
        let bestBody = 0
        let gapTitle = 0
        let gapBody = 0
        let whole = false
        let gapWhole = false
        for (; i < hi && src[i]! < docEnd; i++) {
          const p = src[i]!
          const end = p < titleEnd ? titleEnd : docEnd
          if (!known && !this.mayStartAt(p, bit, bit2, end)) continue
          let e = this.contiguousAt(p, end)
          let gapped = false
          if (e < 0 && mayGap) {
            pieces.length = 0
            e = p < titleEnd ? this.gappedAt(p, end, pieces, this.titleEdges.length ? this.edgeBase[doc]! - titleStart : FREE) : this.gappedAt(p, end, null)
            gapped = true
          }
          if (e < 0) continue
          starts.push(p)
          const chars = this.countChars(p, e)
          if (gapped) {
            if (p < titleEnd) {
              gapTitle = gapTitle === 0 ? chars : Math.min(gapTitle, chars)
              if (!gapWhole) gapWhole = this.gappedWhole
            } else gapBody = gapBody === 0 ? chars : Math.min(gapBody, chars)
            continue
          }
          wordStarts.push(p)
          wordEnds.push(e)
          wordDocs.push(doc)
          if (p < titleEnd) {
            bestTitle = bestTitle === 0 ? chars : Math.min(bestTitle, chars)
            if (!whole) whole = !this.uncommon && this.wholeInTitle(doc, p - titleStart, e - titleStart)
          } else bestBody = bestBody === 0 ? chars : Math.min(bestBody, chars)
        }
        if (bestTitle && whole) consider(doc, TIER_TITLE_WHOLE, bestTitle)
        else if (gapTitle && gapWhole) consider(doc, TIER_TITLE_WHOLE_GAPPED, gapTitle)
        else if (bestTitle) consider(doc, TIER_TITLE, bestTitle)
        else if (gapTitle) consider(doc, TIER_TITLE_GAPPED, gapTitle)
        else if (bestBody) consider(doc, TIER_BODY, bestBody)
        else if (gapBody) consider(doc, TIER_BODY_GAPPED, gapBody)
      }
    } else {
      // one letter, or characters typed with an input method
      // one digit: every digit shares one bit of the letter masks, so those cannot decide; scan instead
      const oneLetter = latin && bit !== DIGIT_BIT
      const count = pool ? pool.length : n
      for (let i = 0; i < count; i++) {
        const doc = pool ? pool[i]! : i
        if (oneLetter) {
          // one letter: the letter masks say it all, no scan
          const inTitle = (this.letters[doc * 2]! & bit) !== 0
          if (!inTitle && (this.letters[doc * 2 + 1]! & bit) === 0) continue
          consider(doc, inTitle ? TIER_TITLE_WHOLE : TIER_BODY, 1)
        } else if (latin) {
          if (((this.letters[doc * 2]! | this.letters[doc * 2 + 1]!) & bit) === 0) continue
          const t = this.latinMatch(bit, 0, b[doc * 3]!, b[doc * 3 + 1]!, true, false)
          const c = t ?? this.latinMatch(bit, 0, b[doc * 3 + 1]!, b[doc * 3 + 2]!, true, false)
          if (t) consider(doc, TIER_TITLE_WHOLE, 1)
          else if (c) consider(doc, TIER_BODY, 1)
        } else {
          const t = this.matchField(q, false, 0, 0, doc, 0)
          const m = t ?? this.matchField(q, false, 0, 0, doc, 1)
          if (t) consider(doc, this.wholeInTitle(doc, t.start, t.end) ? TIER_TITLE_WHOLE : TIER_TITLE, t.chars)
          else if (m) consider(doc, TIER_BODY, m.chars)
        }
      }
    }
    this.cache.set(q, {
      docs: matched.slice(0, total),
      starts: keepStarts ? Int32Array.from(starts) : null,
    })
    const results: SearchResult[] = []
    topDoc.forEach((doc, i) => {
      const tier = Math.floor(Math.floor(topScore[i]! / (n + 1)) / 64 / 3) as Tier
      const field = tier >= TIER_BODY ? 1 : 0
      const gapped = tier === TIER_TITLE_WHOLE_GAPPED || tier === TIER_TITLE_GAPPED || tier === TIER_BODY_GAPPED
      const m = this.matchField(q, latin, bit, bit2, doc, field, gapped, tier === TIER_TITLE_WHOLE_GAPPED)
      // every result was matched above; should the two ever disagree, the result is left out rather than shown wrong
      if (m) results.push(this.toResult(doc, field, m, now, tier === TIER_TITLE_WHOLE || tier === TIER_TITLE_WHOLE_GAPPED))
    })
    const answer: SearchAnswer = { results, total }
    if (keepStarts) answer.candidates = this.candidateWords(wordStarts, wordEnds, wordDocs, now)
    return answer
  }

  private toResult(doc: number, field: 0 | 1, m: Match, now: number, wholeWord: boolean): SearchResult {
    const d = this.docs[doc]!
    const range: Range = [m.start, m.end]
    // a gapped match highlights the words typed, not the words skipped
    const hits = m.pieces ?? [range]
    const r: SearchResult = { kind: d.kind, id: d.id, title: d.title, field: field === 0 ? 'title' : 'body', titleRanges: field === 0 ? hits : [] }
    if (field === 0) r.wholeWord = wholeWord
    if (m.pieces) r.gapped = true
    if (field === 1) r.snippet = snippetAround(d.body, range, undefined, undefined, hits)
    const win = this.windowOf(doc, now)
    if (win) r.window = win
    if (d.published) r.published = d.published
    return r
  }
}
