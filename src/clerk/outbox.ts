/**
 * The upload outbox: when config `clerkUploadUrl` is set, each saved record is
 * queued and POSTed when online, retried with backoff until the server answers
 * 2xx. One entry per record (a newer save replaces a pending one); the server
 * can deduplicate by the Idempotency-Key header `<kind>:<id>:<version>`, and
 * the body carries kind, id and version too.
 */
import { nextDelay } from '../sync/backoff'
import type { ClerkRecord, RecordKind } from './model'
import { timeoutSignal } from '../sync/timeoutSignal'

export interface OutboxEntry {
  /** `<kind>:<record id>` */
  id: string
  kind: RecordKind
  recordId: string
  version: number
  /** the JSON body, fixed at save time so every retry sends the same bytes */
  body: string
  attempts: number
  /** epoch ms; the entry is due from then on */
  nextAttemptAt: number
  lastError: string | null
  queuedAt: string
}

export const RETRY_BASE_MS = 10_000
export const RETRY_MAX_MS = 30 * 60_000

export function outboxEntryFor(kind: RecordKind, record: ClerkRecord, now: Date, extra: { kioskId?: string; villageCode?: string; deleted?: boolean } = {}): OutboxEntry {
  const body = JSON.stringify({ kind, id: record.id, version: record.version, deleted: extra.deleted ?? false, kioskId: extra.kioskId ?? null, villageCode: extra.villageCode ?? null, record })
  return { id: `${kind}:${record.id}`, kind, recordId: record.id, version: record.version, body, attempts: 0, nextAttemptAt: now.getTime(), lastError: null, queuedAt: now.toISOString() }
}

export const idempotencyKey = (e: OutboxEntry) => `${e.kind}:${e.recordId}:${e.version}`

export type DeliveryOutcome = { entry: OutboxEntry; sent: true } | { entry: OutboxEntry; sent: false; retry: OutboxEntry }

export interface DeliverOptions {
  url: string
  fetch: typeof fetch
  now: number
  random?: () => number
  timeoutMs?: number
}

/** POSTs one entry; on anything but 2xx returns the entry rescheduled with backoff. */
export async function deliver(entry: OutboxEntry, o: DeliverOptions): Promise<DeliveryOutcome> {
  let error: string
  try {
    const res = await o.fetch(o.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey(entry) },
      body: entry.body,
      signal: timeoutSignal(o.timeoutMs ?? 30_000),
    })
    if (res.ok) return { entry, sent: true }
    error = `HTTP ${res.status}`
  } catch (e) {
    error = e instanceof Error ? e.message : String(e)
  }
  const attempts = entry.attempts + 1
  const delay = nextDelay(attempts, { pollMs: 0, baseMs: RETRY_BASE_MS, maxMs: RETRY_MAX_MS, random: o.random })
  return { entry, sent: false, retry: { ...entry, attempts, nextAttemptAt: o.now + delay, lastError: error } }
}

export const isDue = (e: OutboxEntry, now: number) => e.nextAttemptAt <= now

/** Earliest time any entry is due, or null for an empty outbox. */
export function nextDueAt(entries: OutboxEntry[]): number | null {
  return entries.reduce<number | null>((min, e) => (min === null || e.nextAttemptAt < min ? e.nextAttemptAt : min), null)
}
