/**
 * Messages between the main thread and the sync worker (sync.worker.ts). Plain
 * data only: everything crosses postMessage by structured clone.
 */
import type { FeedSource } from './applyRevision'
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
  /** a revision went live: the main thread reloads content from IndexedDB */
  | { type: 'applied'; sourceId: string; revision: number; ms: number; stages?: Record<string, number> }
  /** a cycle ended (any outcome): the main thread re-reads the sync state */
  | { type: 'state'; sourceId: string; outcome: SyncOutcome['kind']; ms: number }
  | { type: 'synced'; id: number }
