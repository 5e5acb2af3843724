/**
 * Shapes of the search feature. The index is built once per revision (in a
 * Web Worker, with pinyin-pro) and stored with it; the query side reads the
 * stored form and needs no dictionary at all.
 */

export type SearchKind = 'notice' | 'checklist' | 'chapter'

/** One searchable thing, before readings are added. */
export interface SearchDoc {
  kind: SearchKind
  /** notice id, checklist item id or chapter id */
  id: string
  title: string
  /** all other text: notice text, table cells, checklist columns, chapter text */
  body: string
  /** notices only: ISO date-times of the 公示 window */
  published?: string
  expires?: string
}

/** Bumped whenever the stored layout changes; a stored index of another version is rebuilt. */
/** the reading sets of a character that stops a match (punctuation, symbols) and of white space; every other set is a list of readings */
export const BREAK_SET = 0
export const SPACE_SET = 1

export const SEARCH_INDEX_VERSION = 2

/**
 * The stored index. `codes` holds, for every UTF-16 unit of every doc's title
 * then body (docs in order), the id of its reading set in `sets`: set 0 means
 * "breaks a match" (punctuation), set 1 "skipped" (white space).
 */
export interface SerializedSearchIndex {
  version: typeof SEARCH_INDEX_VERSION
  /** each reading set: the syllables (toneless, ü as v) or the latin letter/digit itself */
  sets: string[][]
  docs: SearchDoc[]
  codes: Uint16Array
  /**
   * Word edges of the titles (Intl.Segmenter, when the building browser has
   * it): for each doc, title.length + 1 flags, 1 where a word starts or ends.
   * Empty when no segmenter was available: every match then counts as whole.
   */
  titleEdges: Uint8Array
}

export type Range = [start: number, end: number]

export type NoticeWindow = 'open' | 'upcoming' | 'expired'

export interface SearchResult {
  kind: SearchKind
  id: string
  title: string
  /** where the query matched */
  field: 'title' | 'body'
  /** the title match starts and ends on word edges (低保 in 低保公示, not 地补 in 土地补偿) */
  wholeWord?: boolean
  /** a gapped abbreviation (tdbc in 土地征收补偿): ranks below contiguous matches of the same kind */
  gapped?: boolean
  /** matched characters in the title (when field is title) */
  titleRanges: Range[]
  /** a short piece of the body around the match (when field is body) */
  snippet?: { text: string; ranges: Range[] }
  /** notices only */
  window?: NoticeWindow
  published?: string
}
