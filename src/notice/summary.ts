/**
 * What the content store keeps of each township notice: what lists, the board,
 * the home screen, the checklist and the attract loop show. A notice's body
 * (HTML, text, table, attachments, image, url, tags) stays in IndexedDB and is
 * read when the notice opens (db/noticeChunks.ts `getNotice`, via the content
 * store), so 10,000 notices cost their titles and dates in memory, not their
 * texts (issue 19, item 6). One function makes them, for the sync worker's
 * hand-over and the start-up read alike.
 */
import type { Notice } from '../feed/types'

export interface NoticeSummary extends Pick<Notice, 'id' | 'title' | 'category' | 'published' | 'expires' | 'checklistItem' | 'pinned' | 'urgent' | 'origin'> {
  sourceId: string
  revision: number
  /** the chunk record of its revision that holds the whole notice (db/noticeChunks.ts); absent for the village layer's notices, which are held whole */
  chunk?: number
  /** the attract loop's text (pinned and urgent notices only, the ones it shows) */
  excerpt?: string
}

/** characters of text the attract loop shows */
const EXCERPT = 220

/** The attract loop's excerpt of a notice: its summary, text or HTML's words, flattened and cut. */
export function noticeExcerpt(n: Pick<Notice, 'summary' | 'text' | 'html'>): string {
  const text = n.summary ?? n.text ?? (n.html ?? '').replace(/<[^>]*>/g, ' ')
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat
}

/**
 * A notice's summary, as the sync worker hands it over and the start-up read keeps it (then `shareStrings`
 * on the main thread).
 */
export function noticeSummary(n: Notice & { sourceId: string; revision: number }, chunk: number): NoticeSummary {
  return {
    id: n.id,
    title: n.title,
    category: n.category,
    published: n.published,
    expires: n.expires,
    checklistItem: n.checklistItem,
    pinned: n.pinned,
    urgent: n.urgent,
    origin: n.origin,
    sourceId: n.sourceId,
    revision: n.revision,
    chunk,
    excerpt: n.pinned || n.urgent ? noticeExcerpt(n) : undefined,
  }
}

/** one string per value among a revision's summaries (see shareStrings) */
export type StringPool = Map<string, string>

/** the pool's one string for `v` (adding it when new) */
export const shared = (pool: StringPool, v: string | undefined): string | undefined => {
  if (v === undefined) return v
  const s = pool.get(v)
  if (s !== undefined) return s
  pool.set(v, v)
  return v
}

/**
 * The one place a held summary is made, so every summary the page holds has one shape (all fields in the object
 * itself, in this order), however it came: from IndexedDB (shareStrings) or from the sync worker (summaryColumns.ts).
 */
export function heldSummary(
  id: string, title: string, category: string, published: string | undefined, expires: string | undefined, checklistItem: string | undefined,
  pinned: boolean, urgent: boolean, origin: NoticeSummary['origin'], sourceId: string, revision: number, chunk: number | undefined, excerpt: string | undefined,
): NoticeSummary {
  return { id, title, category, published, expires, checklistItem, pinned, urgent, origin, sourceId, revision, chunk, excerpt }
}

/**
 * The summary as the page holds it: one object of one shape (heldSummary), and the values
 * notices repeat (source, category, checklist item, dates: a township's 10,000 notices have a few hundred
 * distinct dates) as one string each, from `pool`. A summary that came out of IndexedDB
 * holds its own copy of every string: ≈ 40 bytes each, ≈ 1 MB on 10,000 notices.
 */
export function shareStrings(s: NoticeSummary, pool: StringPool): NoticeSummary {
  return heldSummary(
    s.id, s.title, shared(pool, s.category)!, shared(pool, s.published), shared(pool, s.expires), shared(pool, s.checklistItem),
    s.pinned, s.urgent, s.origin, shared(pool, s.sourceId)!, s.revision, s.chunk, s.excerpt,
  )
}
