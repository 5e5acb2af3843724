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
  /**
   * the page has shown a revision handed over with `live` and has been idle since: the worker builds the
   * revision's search index only now, not while the page renders the new board on the same cores (issue 19 item 3)
   */
  | { type: 'shown'; sourceId: string; revision: number }

export type FromSyncWorker =
  /** the worker's code loaded and runs (an old engine without module workers never sends it) */
  | { type: 'ready' }
  /**
   * the revision went live: its record, and its notices' summaries (notice/summary.ts) in a table (notice/noticeTable.ts)
   * whose arrays are moved with the message; the page shows what the worker normalised without reading IndexedDB
   * again, or, when `notices` is null, reads it on `applied`
   */
  | { type: 'live'; sourceId: string; revision: number; record: RevisionRecord; notices: NoticeTable | null }
  /** the cycle that made a revision live ended (its search index stored); the page reloads from IndexedDB only if it missed the hand-over */
  | { type: 'applied'; sourceId: string; revision: number; ms: number; stages?: Record<string, number> }
  /** a cycle ended (any outcome): the main thread re-reads the sync state */
  | { type: 'state'; sourceId: string; outcome: SyncOutcome['kind']; ms: number }
  | { type: 'synced'; id: number }
