/**
 * What the content store keeps of each township notice: what lists, the board,
 * the home screen, the checklist and the attract loop show. A notice's body
 * (HTML, text, table, attachments, image, url, tags) stays in IndexedDB and is
 * read when the notice opens (db/noticeChunks.ts `getNotice`, via the content
 * store), so 10,000 notices cost their titles and dates in memory, not their
 * texts (issue 19, item 6). One function makes them, for the sync worker's
 * hand-over and the start-up read alike; the page holds them in columns
 * (noticeTable.ts) and lists them as views of those (noticeRows.ts).
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

/** A notice's summary, as the sync worker hands it over and the start-up read keeps it (in a table: noticeTable.ts). */
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
