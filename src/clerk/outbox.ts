/**
 * The upload outbox (docs/township-api.md, kiosk → console): each saved record
 * is queued beside the records in IndexedDB and sent when online — its photos
 * first (src/clerk/upload.ts), then the record — retried with backoff until
 * the console acknowledges it (record id + version). One entry per record (a
 * newer save replaces a pending one). An acknowledgement is kept per record
 * (the `uploads` store), so the queue can be rebuilt from the records alone:
 * whatever is not acknowledged at its current version is queued again
 * (missingEntries), after an import or after the outbox was cleared.
 */
import { nextDelay } from '../sync/backoff'
import type { ClerkRecord, RecordKind } from './model'
import type { StoredWords, UploadError } from './uploadErrors'

/** A photo the record refers to, as the console's record body lists it. */
export interface OutboxPhoto {
  id: string
  sha256: string
  size: number
  type: string
}

export interface OutboxEntry {
  /** `<kind>:<record id>` */
  id: string
  kind: RecordKind
  recordId: string
  version: number
  /** the JSON body, fixed at queue time so every retry sends the same bytes */
  body: string
  /** the record's photos, sent before the record (absent in entries queued by older versions) */
  photos?: OutboxPhoto[]
  attempts: number
  /** epoch ms; the entry is due from then on */
  nextAttemptAt: number
  /** why the last try failed (older versions stored a string, then the words: StoredWords) */
  lastError: UploadError | StoredWords | string | null
  queuedAt: string
}

/** What the console acknowledged for one record: the record counts as sent at this version. */
export interface UploadAck {
  /** `<kind>:<record id>` */
  id: string
  kind: RecordKind
  recordId: string
  version: number
  at: string
}

export const RETRY_BASE_MS = 10_000
export const RETRY_MAX_MS = 30 * 60_000

export const outboxKey = (kind: RecordKind, recordId: string) => `${kind}:${recordId}`

export function outboxEntryFor(
  kind: RecordKind,
  record: ClerkRecord,
  now: Date,
  extra: { kioskId?: string; villageCode?: string; deleted?: boolean; photos?: OutboxPhoto[] } = {},
): OutboxEntry {
  const photos = extra.photos ?? []
  const body = JSON.stringify({ kind, id: record.id, version: record.version, deleted: extra.deleted ?? false, kioskId: extra.kioskId ?? null, villageCode: extra.villageCode ?? null, record, photos: photos.map(({ id, sha256, size, type }) => ({ id, sha256, size, type })) })
  return { id: outboxKey(kind, record.id), kind, recordId: record.id, version: record.version, body, photos, attempts: 0, nextAttemptAt: now.getTime(), lastError: null, queuedAt: now.toISOString() }
}

export const idempotencyKey = (e: OutboxEntry) => `${e.kind}:${e.recordId}:${e.version}`

/** The entry rescheduled after a failed try: growing backoff, the reason kept. */
export function rescheduled(entry: OutboxEntry, error: UploadError, now: number, random?: () => number): OutboxEntry {
  const attempts = entry.attempts + 1
  const delay = nextDelay(attempts, { pollMs: 0, baseMs: RETRY_BASE_MS, maxMs: RETRY_MAX_MS, random })
  return { ...entry, attempts, nextAttemptAt: now + delay, lastError: error }
}

export const isDue = (e: OutboxEntry, now: number) => e.nextAttemptAt <= now

/** Earliest time any entry is due, or null for an empty outbox. */
export function nextDueAt(entries: OutboxEntry[]): number | null {
  return entries.reduce<number | null>((min, e) => (min === null || e.nextAttemptAt < min ? e.nextAttemptAt : min), null)
}

/** Whether an acknowledgement from the console is for this entry (its version or a newer one the console holds). */
export function acknowledges(ack: unknown, entry: OutboxEntry): boolean {
  const a = ack as { kind?: unknown; id?: unknown; version?: unknown } | null
  return !!a && a.kind === entry.kind && a.id === entry.recordId && typeof a.version === 'number' && a.version >= entry.version
}

/**
 * Records the console has not acknowledged at their current version and that
 * have no entry queued: what rebuilding the queue must add.
 */
export function missingEntries<R extends { kind: RecordKind; record: ClerkRecord }>(records: R[], queued: Iterable<string>, acks: Map<string, number>): R[] {
  const q = new Set(queued)
  return records.filter(({ kind, record }) => {
    const key = outboxKey(kind, record.id)
    return !q.has(key) && (acks.get(key) ?? 0) < record.version
  })
}

/** Per record, what the clerk sees: 已上传, or 等待上传 with the reason. */
export type UploadState = { state: 'uploaded'; at: string } | { state: 'waiting'; error: OutboxEntry['lastError']; attempts: number; nextAttemptAt: number } | { state: 'unknown' }

export function uploadStateOf(kind: RecordKind, record: ClerkRecord, entries: Map<string, OutboxEntry>, acks: Map<string, UploadAck>): UploadState {
  const key = outboxKey(kind, record.id)
  const e = entries.get(key)
  if (e) return { state: 'waiting', error: e.lastError, attempts: e.attempts, nextAttemptAt: e.nextAttemptAt }
  const a = acks.get(key)
  if (a && a.version >= record.version) return { state: 'uploaded', at: a.at }
  return { state: 'unknown' }
}
