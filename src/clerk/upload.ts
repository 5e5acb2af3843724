/**
 * Sending one outbox entry to the console (docs/township-api.md): each photo
 * first, in parts of at most PART_BYTES with its SHA-256, resuming from what
 * the console already has (GET photos/<sha256>, and the `received` of a 409);
 * then the record, with the kiosk token and an Idempotency-Key. Only the
 * console's acknowledgement (record id + version) makes the entry sent.
 * Requests use only the headers the console allows in its preflight answer
 * (authorization, content-type, idempotency-key) and no cookies.
 */
import { timeoutSignal } from '../sync/timeoutSignal'
import { acknowledges, idempotencyKey, rescheduled, type OutboxEntry, type OutboxPhoto } from './outbox'
import { httpError, thrownError, uploadError, type UploadError } from './uploadErrors'

/** A slow hall line moves 256 KB in a few seconds; the console refuses bigger parts. */
export const PART_BYTES = 256 * 1024

export interface UploadDeps {
  /** the console's records endpoint (config clerkUploadUrl); photo URLs derive from it */
  recordsUrl: string
  token: string | undefined
  fetch: typeof fetch
  /** the bytes of a stored photo, by record photo id */
  readPhoto: (id: string) => Promise<Blob | undefined>
  now: () => number
  random?: () => number
  timeoutMs?: number
  partBytes?: number
}

export type DeliveryOutcome = { entry: OutboxEntry; sent: true; ack: { kind: string; id: string; version: number } } | { entry: OutboxEntry; sent: false; retry: OutboxEntry }

export const photoUrl = (recordsUrl: string, sha256: string) => new URL(`photos/${sha256}`, recordsUrl).href

/** Thrown inside one delivery to stop it with a reason. */
class Stop extends Error {
  constructor(readonly reason: UploadError) {
    super(reason.code)
  }
}

function request(d: UploadDeps, url: string, init: RequestInit): Promise<Response> {
  return d.fetch(url, {
    ...init,
    headers: { Authorization: `Bearer ${d.token}`, ...(init.headers as Record<string, string> | undefined) },
    credentials: 'omit',
    cache: 'no-store',
    signal: timeoutSignal(d.timeoutMs ?? 30_000),
  }).catch((e: unknown) => {
    throw new Stop(thrownError(e, d.now()))
  })
}

async function readJson(res: Response, d: UploadDeps): Promise<Record<string, unknown>> {
  try {
    const j: unknown = await res.json()
    if (j && typeof j === 'object') return j as Record<string, unknown>
  } catch {
    // fall through
  }
  throw new Stop(uploadError('bad_answer', d.now()))
}

const receivedOf = (j: Record<string, unknown>) => (typeof j.received === 'number' && Number.isInteger(j.received) && j.received >= 0 ? j.received : null)

/** Sends one photo from where the console has got to; resolves once the console holds it complete. */
export async function uploadPhoto(p: OutboxPhoto, d: UploadDeps): Promise<void> {
  const url = photoUrl(d.recordsUrl, p.sha256)
  const head = await request(d, url, { method: 'GET' })
  let offset = 0
  if (head.ok) {
    const j = await readJson(head, d)
    if (j.complete === true) return
    offset = receivedOf(j) ?? 0
  } else if (head.status !== 404) throw new Stop(await httpError(head, d.now()))
  const blob = await d.readPhoto(p.id)
  if (!blob) throw new Stop(uploadError('photo_missing', d.now()))
  const total = blob.size
  const part = d.partBytes ?? PART_BYTES
  if (offset > total) offset = 0
  // each part read from the stored blob as it is sent: never the whole photo twice in memory
  for (let guard = 0; guard < 4 * Math.ceil(total / part) + 8; guard++) {
    const bytes = await blob.slice(offset, Math.min(total, offset + part)).arrayBuffer()
    const res = await request(d, `${url}?offset=${offset}&total=${total}`, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: bytes })
    if (res.status === 409) {
      // the console has a different amount than we thought: resume from there
      const r = receivedOf(await readJson(res, d))
      if (r === null || r > total) throw new Stop(uploadError('bad_answer', d.now()))
      offset = r
      continue
    }
    if (res.status === 422) throw new Stop(uploadError('photo_mismatch', d.now()))
    if (!res.ok) throw new Stop(await httpError(res, d.now()))
    const j = await readJson(res, d)
    if (j.complete === true) return
    const r = receivedOf(j)
    if (r === null || r <= offset || r > total) throw new Stop(uploadError('bad_answer', d.now()))
    offset = r
  }
  throw new Stop(uploadError('bad_answer', d.now()))
}

/** Photos, then the record; the entry rescheduled with its reason on anything but the console's acknowledgement. */
export async function deliver(entry: OutboxEntry, d: UploadDeps): Promise<DeliveryOutcome> {
  const fail = (e: UploadError): DeliveryOutcome => ({ entry, sent: false, retry: rescheduled(entry, e, d.now(), d.random) })
  if (!d.token) return fail(uploadError('no_token', d.now()))
  try {
    for (const p of entry.photos ?? []) await uploadPhoto(p, d)
    const res = await request(d, d.recordsUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey(entry) },
      body: entry.body,
    })
    if (!res.ok) return fail(await httpError(res, d.now()))
    const ack = (await readJson(res, d)).ack
    if (!acknowledges(ack, entry)) return fail(uploadError('bad_answer', d.now()))
    return { entry, sent: true, ack: ack as { kind: string; id: string; version: number } }
  } catch (e) {
    if (e instanceof Stop) return fail(e.reason)
    return fail(thrownError(e, d.now()))
  }
}
