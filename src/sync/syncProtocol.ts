/**
 * Messages between the main thread and the sync worker (sync.worker.ts). Plain
 * data only: everything crosses postMessage by structured clone.
 */
import type { FeedSource } from './applyRevision'
import type { RevisionRecord } from '../db/schema'
import type { NoticeTable } from '../notice/noticeTable'
import type { SyncOutcome } from './syncSource'

export interface SyncSettings {
  sources: FeedSource[]
  pollMs: number
  timeoutMs: number
  maxBytes: number
}

export type ToSyncWorker =
  | { type: 'start'; settings: SyncSettings }
  /** the window saw `online` (worker online events are not relied on) */
  | { type: 'online' }
  | { type: 'syncNow'; id: number; sourceId?: string }
  | { type: 'stop' }

export type FromSyncWorker =
  /** the worker's code loaded and runs (an old engine without module workers never sends it) */
  | { type: 'ready' }
  /**
   * a revision's notices' summaries (notice/summary.ts) as tables (notice/noticeTable.ts), in `parts` messages (board order), posted while
   * its transaction commits: the page takes them in in short tasks (one per message) meanwhile and holds them, showing nothing yet
   */
  | { type: 'liveNotices'; sourceId: string; revision: number; part: number; table: NoticeTable }
  /**
   * the revision went live: its record, and how many `liveNotices` parts came before (-1: none were posted); the page
   * shows what the worker normalised without reading IndexedDB again, or reads it on `applied` if a part is missing
   */
  | { type: 'live'; sourceId: string; revision: number; record: RevisionRecord; parts: number }
  /** the cycle that made a revision live ended (its search index stored); the page reloads from IndexedDB only if it missed the hand-over */
  | { type: 'applied'; sourceId: string; revision: number; ms: number; stages?: Record<string, number> }
  /** a cycle ended (any outcome): the main thread re-reads the sync state */
  | { type: 'state'; sourceId: string; outcome: SyncOutcome['kind']; ms: number }
  | { type: 'synced'; id: number }
