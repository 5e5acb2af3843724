/**
 * Messages between the main thread and the sync worker (sync.worker.ts). Plain
 * data only: everything crosses postMessage by structured clone.
 */
import type { FeedSource } from './applyRevision'
import type { NoticeRecord, RevisionRecord } from '../db/schema'
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
   * a revision went live: its record, then its notices in `parts` messages of `liveNotices` (id order), so the page takes over what the worker normalised without reading IndexedDB again
   * and deserialises it in short tasks (one per message) rather than one long one
   */
  | { type: 'live'; sourceId: string; revision: number; record: RevisionRecord; parts: number }
  | { type: 'liveNotices'; sourceId: string; revision: number; part: number; notices: NoticeRecord[] }
  /** the cycle that made a revision live ended (its search index stored); the page reloads from IndexedDB only if it missed the hand-over */
  | { type: 'applied'; sourceId: string; revision: number; ms: number; stages?: Record<string, number> }
  /** a cycle ended (any outcome): the main thread re-reads the sync state */
  | { type: 'state'; sourceId: string; outcome: SyncOutcome['kind']; ms: number }
  | { type: 'synced'; id: number }
