/** The publishing API (docs/township-api.md, "Publishing"): drafts, review, uploads, history. */
import { get, networkError, post, put, requestHeaders, toApiError } from './client'
import type { NoticeTable } from '../../../src/feed/types'
import type { RevisionSize } from '../../../src/feed/limits'

export type { RevisionSize }

export type DraftState = 'draft' | 'submitted' | 'approved' | 'scheduled' | 'published' | 'rejected'

/** a lint finding (src/feed/lint/types.ts): its words are the message code's, in the kiosk's feed.json */
export interface Finding {
  rule: string
  severity: 'error' | 'warning'
  target: string
  path: string
  code: string
  params?: Record<string, string | number>
}

export interface FeedAttachment {
  url: string
  mime_type: string
  title?: string
  size_in_bytes?: number
  _gongkai?: { sha256: string }
}

/** what a draft changes: a notice, the village's whole checklist, or one handbook chapter */
export type DraftKind = 'notice' | 'checklist' | 'chapter'

/** a checklist item as the feed holds it (src/feed/schema.ts) */
export interface ChecklistRow {
  id: string
  category: string
  title: string
  content: string
  basis: string
  frequency: { type: string; days?: number; day_type?: 'calendar' | 'working'; within_days?: number }
  channels: string[]
  owner: string
  audience: string
}

/** a JSON Feed item with the _gongkai extension, as the draft stores it; a checklist draft holds `checklist`, a chapter draft `content_markdown` */
export interface FeedItem {
  id?: string
  title: string
  content_html?: string
  date_published?: string
  attachments?: FeedAttachment[]
  _gongkai?: { category?: string; checklist_item?: string; expires?: string; pinned?: boolean; urgent?: boolean; table?: NoticeTable }
  checklist?: ChecklistRow[]
  content_markdown?: string
}

export interface Draft {
  id: number
  villageCode: string
  kind: DraftKind
  itemId: string
  item: FeedItem
  state: DraftState
  authorId: number
  authorName: string
  publishAt: string | null
  publishedRevision: number | null
  updatedAt: string
  reviews: { decision: string; reason: string; at: string; userId: number; userName: string }[]
  findings: Finding[]
  blocking: boolean
  size: RevisionSize
}

export interface DraftSummary {
  id: number
  kind: DraftKind
  itemId: string
  title: string
  state: DraftState
  authorId: number
  authorName: string
  updatedAt: string
  publishAt: string | null
}

export interface FeedDocument {
  title: string
  items: (FeedItem & { id: string })[]
  _gongkai: {
    revision: number
    village: { code: string; name: string }
    categories: { id: string; title: string }[]
    checklist?: { id: string; title: string; frequency: { type: string; days?: number; day_type?: 'calendar' | 'working' } }[]
    handbook?: { title: string; chapters: { id: string; title: string; content_markdown: string }[] }
    holidays?: string[]
    workdays?: string[]
  }
}

export interface Change {
  kind: 'added' | 'changed' | 'removed'
  what: string
  text: string
}

export interface RevisionSummary {
  revision: number
  publishedAt: string
  publishedBy: string
  cause: string
  notices: number
}

const v = (code: string) => `/api/villages/${encodeURIComponent(code)}`

export const publishApi = {
  feed: (code: string) => get<{ revision: number; document: FeedDocument }>(`${v(code)}/feed`),
  drafts: (code: string) => get<{ drafts: DraftSummary[] }>(`${v(code)}/drafts`),
  create: (code: string, item: FeedItem, kind: DraftKind = 'notice') => post<Draft>(`${v(code)}/drafts`, { kind, item }),
  lint: (code: string, item: FeedItem, kind: DraftKind = 'notice') => post<{ findings: Finding[]; size: RevisionSize }>(`${v(code)}/lint`, { kind, item }),
  draft: (id: number) => get<Draft>(`/api/drafts/${id}`),
  save: (id: number, item: FeedItem) => put<Draft>(`/api/drafts/${id}`, { item }),
  step: (id: number, what: 'submit' | 'approve' | 'reject' | 'publish', body: Record<string, unknown> = {}) => post<Draft>(`/api/drafts/${id}/${what}`, body),
  diff: (id: number) => get<{ baseRevision: number; changes: Change[] }>(`/api/drafts/${id}/diff`),
  revisions: (code: string) => get<{ revisions: RevisionSummary[] }>(`${v(code)}/revisions`),
  revision: (code: string, n: number) => get<{ revision: number; publishedAt: string; publishedBy: string; cause: string; document: FeedDocument; changes: Change[] }>(`${v(code)}/revisions/${n}`),
  restore: (code: string, n: number) => post<{ revision: number }>(`${v(code)}/revisions/${n}/restore`),
  withdraw: (code: string, itemId: string, reason: string) => post<{ revision: number }>(`${v(code)}/notices/${encodeURIComponent(itemId)}/withdraw`, { reason }),
  attach: (code: string, file: File) => upload<FeedAttachment>(`${v(code)}/files?name=${encodeURIComponent(file.name)}`, file),
  checklist: (file: File) => upload<{ name: string; checklist: ChecklistRow[] }>(`/api/uploads/checklist?name=${encodeURIComponent(file.name)}`, file),
  table: (file: File) => upload<{ name: string; grid: (string | number | null)[][]; table: NoticeTable }>(`/api/uploads/table?name=${encodeURIComponent(file.name)}`, file),
}

/** A file as the request body (bytes, its own type), the CSRF token like every change. */
async function upload<T>(path: string, file: File): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { ...requestHeaders('POST', false), 'content-type': file.type || 'application/octet-stream' }, body: file })
  } catch {
    throw networkError()
  }
  const json: unknown = await res.json().catch(() => null)
  if (!res.ok) throw toApiError(res.status, json)
  return json as T
}

