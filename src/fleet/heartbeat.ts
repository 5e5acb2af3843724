/**
 * Fleet heartbeat: when config.statusUrl is set the kiosk POSTs a small JSON
 * document every 10 minutes so a township can see which screens are stale
 * (format: docs/heartbeat.md). Each one is queued in IndexedDB first and sent
 * oldest first; while offline they wait, and the newest MAX_QUEUED are kept.
 */
import { countHeartbeats, deleteHeartbeat, enqueueHeartbeat, listHeartbeats } from '../db'

export const HEARTBEAT_MS = 10 * 60_000
export const MAX_QUEUED = 144 // one day at one every 10 minutes
export const HEARTBEAT_FORMAT = 1

export interface SourceHealth {
  id: string
  village: string | null
  revision: number | null
  generatedAt: string | null
  lastSuccessfulSync: string | null
  lastError: { code: string; zh: string; en: string; at: string } | null
}

export interface Heartbeat {
  format: typeof HEARTBEAT_FORMAT
  /** unique per heartbeat: a collector drops repeats by it */
  id: string
  kioskId: string
  /** the village shown first (name), null before any content */
  village: string | null
  appVersion: string
  contentRevision: number | null
  lastSuccessfulSync: string | null
  lastError: SourceHealth['lastError']
  /** bytes the kiosk's storage uses, and may use (null when the browser does not say) */
  storageUsed: number | null
  storageQuota: number | null
  /** seconds since the kiosk page started */
  uptime: number
  /** when the heartbeat was made (device clock) and whether that clock looks right */
  createdAt: string
  clockOk: boolean
  /** every feed source, for kiosks that show several villages */
  sources: SourceHealth[]
}

export interface HeartbeatFacts {
  kioskId: string
  appVersion: string
  sources: SourceHealth[]
  storageUsed: number | null
  storageQuota: number | null
  uptimeSeconds: number
  clockOk: boolean
  now: Date
}

/** A time-ordered id: base-36 ms, then random. */
export function heartbeatId(now: Date, random: () => number = Math.random): string {
  return `${now.getTime().toString(36).padStart(9, '0')}-${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}`
}

export function buildHeartbeat(f: HeartbeatFacts, random?: () => number): Heartbeat {
  const first = f.sources[0]
  const successes = f.sources.map((s) => s.lastSuccessfulSync).filter((s): s is string => !!s)
  const errors = f.sources.map((s) => s.lastError).filter((e): e is NonNullable<SourceHealth['lastError']> => !!e)
  return {
    format: HEARTBEAT_FORMAT,
    id: heartbeatId(f.now, random),
    kioskId: f.kioskId,
    village: first?.village ?? null,
    appVersion: f.appVersion,
    contentRevision: first?.revision ?? null,
    // a kiosk is as fresh as its stalest village: the oldest last success, null if one never synced
    lastSuccessfulSync: successes.length === f.sources.length ? (successes.sort()[0] ?? null) : null,
    lastError: errors.sort((a, b) => (a.at < b.at ? 1 : -1))[0] ?? null,
    storageUsed: f.storageUsed,
    storageQuota: f.storageQuota,
    uptime: Math.round(f.uptimeSeconds),
    createdAt: f.now.toISOString(),
    clockOk: f.clockOk,
    sources: f.sources,
  }
}

export type PostFn = (url: string, body: string) => Promise<{ ok: boolean; status: number }>

/** POST as text/plain: a "simple" request, so a collector on another origin needs no preflight handling. */
export const postHeartbeat: PostFn = async (url, body) => {
  const res = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, cache: 'no-store', keepalive: true, credentials: 'omit' })
  return { ok: res.ok, status: res.status }
}

export interface FlushResult {
  sent: number
  left: number
  error: string | null
}

/** Sends queued heartbeats oldest first; stops at the first failure (the rest wait for the next try). */
export async function flushHeartbeats(url: string, post: PostFn = postHeartbeat, token?: string): Promise<FlushResult> {
  let sent = 0
  let error: string | null = null
  for (const hb of await listHeartbeats(MAX_QUEUED)) {
    try {
      // the kiosk token (docs/township-api.md) is added as it is sent, never stored with the queued heartbeat
      const res = await post(url, JSON.stringify(token ? { ...hb.body, token } : hb.body))
      if (!res.ok) {
        error = `HTTP ${res.status}`
        break
      }
    } catch (e) {
      error = String((e as Error)?.message ?? e)
      break
    }
    await deleteHeartbeat(hb.id)
    sent++
  }
  return { sent, left: await countHeartbeats(), error }
}

export interface HeartbeatLoop {
  /** make and send one now (also what the timer does) */
  beat(): Promise<FlushResult>
  stop(): void
}

/** Every intervalMs: queue a heartbeat, then send what is queued if online; when the network returns, send at once. */
export function startHeartbeat(o: {
  url: string
  /** config kioskToken: sent in the body */
  token?: string
  collect: () => Promise<HeartbeatFacts>
  isOnline: () => boolean
  post?: PostFn
  intervalMs?: number
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>
  onResult?: (r: FlushResult & { at: string }) => void
}): HeartbeatLoop {
  let running: Promise<FlushResult> | null = null
  const flush = async (): Promise<FlushResult> => {
    const r = o.isOnline() ? await flushHeartbeats(o.url, o.post, o.token) : { sent: 0, left: await countHeartbeats(), error: 'offline' }
    o.onResult?.({ ...r, at: new Date().toISOString() })
    return r
  }
  const beat = () => {
    running ??= (async () => {
      const hb = buildHeartbeat(await o.collect())
      await enqueueHeartbeat({ id: hb.id, body: hb as unknown as Record<string, unknown> }, MAX_QUEUED)
      return flush()
    })().finally(() => (running = null))
    return running
  }
  // after any beat in progress (it may have found the network still down)
  const onOnline = () => void (running ? running.then(flush, flush) : flush()).catch(() => undefined)
  const timer = setInterval(() => void beat().catch(() => undefined), o.intervalMs ?? HEARTBEAT_MS)
  o.events?.addEventListener('online', onOnline)
  return {
    beat,
    stop() {
      clearInterval(timer)
      o.events?.removeEventListener('online', onOnline)
    },
  }
}
