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
 * A notice's summary. Only the fields it has are set (absent optional fields cost nothing), and the strings
 * are the notice's own: the sync worker's hand-over and the start-up read both call this.
 */
export function noticeSummary(n: Notice & { sourceId: string; revision: number }, chunk: number): NoticeSummary {
  const s: NoticeSummary = { id: n.id, title: n.title, category: n.category, pinned: n.pinned, urgent: n.urgent, sourceId: n.sourceId, revision: n.revision, chunk }
  if (n.published !== undefined) s.published = n.published
  if (n.expires !== undefined) s.expires = n.expires
  if (n.checklistItem !== undefined) s.checklistItem = n.checklistItem
  if (n.origin !== undefined) s.origin = n.origin
  if (n.pinned || n.urgent) s.excerpt = noticeExcerpt(n)
  return s
}
