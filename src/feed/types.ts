/**
 * The content model the app stores and shows, made from a validated feed by
 * feed/normalize.ts. Views, stores, search and the CLI work with these shapes,
 * never with raw feed JSON.
 */
import type { Frequency, TableRowKind } from './schema'

export type { Frequency, FrequencyType, TableRowKind } from './schema'

export interface Village {
  code: string
  name: string
  township: string
  county: string
}

export interface Category {
  id: string
  title: string
}

export interface ChecklistItem {
  id: string
  category: string
  title: string
  content: string
  basis: string
  frequency: Frequency
  channels: string[]
  owner: string
  audience: string
}

export interface Chapter {
  id: string
  title: string
  markdown: string
}

export interface Handbook {
  title: string
  chapters: Chapter[]
}

export type Cell = string | number | null

export interface TableRow {
  kind: TableRowKind
  cells: Cell[]
}

export interface NoticeTable {
  kind: 'plain' | 'finance' | 'list'
  caption: string
  unit: string
  columns: string[]
  rows: TableRow[]
}

export interface Attachment {
  /** absolute URL, also the key of the stored blob */
  url: string
  mimeType: string
  title: string
  sizeInBytes?: number
  sha256?: string
}

export interface Notice {
  /** safe for routes, DOM ids and storage keys (feed/noticeId.ts) */
  id: string
  /** the feed's own item id, when it differs from `id` (a URL, say) */
  feedId?: string
  title: string
  /** raw feed HTML: sanitise before rendering */
  html?: string
  text?: string
  summary?: string
  /** absolute; shown as a QR code, never navigated to */
  url?: string
  externalUrl?: string
  /** absolute image URL; its blob is stored before the revision goes live */
  image?: string
  /** ISO date-time: the 公示 window opens */
  published?: string
  modified?: string
  /** ISO date-time: the 公示 window closes */
  expires?: string
  category: string
  checklistItem?: string
  pinned: boolean
  urgent: boolean
  table?: NoticeTable
  attachments: Attachment[]
  tags: string[]
  /** who posted it: the township feed (default) or this village's clerk on the kiosk */
  origin?: 'township' | 'village'
}

/** Everything one revision of one feed source holds. */
export interface FeedContent {
  /** null for plain JSON Feeds, which carry no revision: the kiosk numbers them */
  revision: number | null
  generatedAt: string | null
  title: string
  village: Village
  categories: Category[]
  checklist: ChecklistItem[]
  handbook: Handbook | null
  holidays: string[]
  workdays: string[]
  notices: Notice[]
  /** whether the feed carried the _gongkai extension */
  extended: boolean
  /** pinned files (_gongkai.files): absolute URL → SHA-256 */
  fileHashes?: Record<string, string>
  /** the feed's epoch record (_gongkai.epoch) */
  epoch?: { number: number; publicKey: string; signature: string }
}

/** The default category plain JSON Feed items go into. */
export const DEFAULT_CATEGORY: Category = { id: 'notices', title: '公告' }
