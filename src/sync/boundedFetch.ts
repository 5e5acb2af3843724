/**
 * The one way sync fetches anything (feed, `.sig`, files): one deadline for
 * headers and body together, a size limit enforced while reading, and — what
 * matters on a kiosk — the request really cancelled on timeout or refusal.
 * A body left half-read holds its connection: six of them fill Chromium's
 * per-host pool and every later sync to that host stalls (issue 18 §4).
 *
 * Also refused here, each with its own reason: a transfer cut short (fewer
 * bytes than Content-Length, or the connection dropped mid-body) and a
 * redirect to another origin that is not allowed.
 */
import { SyncError } from './errors'
import { cappedBytes, declaredLength, declaredOver } from './cappedBytes'

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

export interface BoundedFetchOptions {
  timeoutMs: number
  maxBytes: number
  fetch?: FetchLike
  /** origins a redirect may end at besides the request's own (config `allowedOrigins`) */
  allowedOrigins?: readonly string[]
  /**
   * Looks at the response before its body is read: throw to refuse it, return
   * false to skip the body (a 304). Either way the request is cancelled.
   */
  onHeaders?: (res: Response) => boolean | void
}

export interface BoundedResponse {
  res: Response
  /** null when onHeaders skipped the body */
  bytes: Uint8Array | null
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

/** fetch → check → read, all within timeoutMs, aborted (connection released) on any failure. */
export async function fetchBounded(url: string, init: RequestInit, opts: BoundedFetchOptions): Promise<BoundedResponse> {
  const ctrl = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    ctrl.abort()
  }, opts.timeoutMs)
  let completed = false
  try {
    let res: Response
    try {
      res = await (opts.fetch ?? fetch)(url, { ...init, signal: ctrl.signal })
    } catch (e) {
      if (timedOut) throw new SyncError('timeout', [url])
      throw new SyncError('network', [url, String((e as Error)?.message ?? e)])
    }
    const finalOrigin = res.url ? originOf(res.url) : null
    if (finalOrigin && finalOrigin !== originOf(url) && !(opts.allowedOrigins ?? []).includes(finalOrigin)) {
      throw new SyncError('redirect', [`${url} → ${res.url}`])
    }
    if (opts.onHeaders?.(res) === false) return { res, bytes: null }
    const bytes = await readLimitedBody(res, opts.maxBytes, url, ctrl.signal)
    completed = true
    return { res, bytes }
  } finally {
    clearTimeout(timer)
    // a body not read to its end would keep the connection: cancel it
    if (!completed) ctrl.abort()
  }
}

/** rejects when the deadline aborts: a body stream that ignores the signal cannot hold the read */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason)
    signal.addEventListener('abort', () => reject(signal.reason), { once: true })
  })
}

/**
 * A body read to its end with a size limit enforced while reading (never whole
 * into memory first), by the cap rule both readers share (cappedBytes.ts; the
 * township console adapts Node request streams to it, township/server/http/body.ts).
 * `signal` is the deadline, when there is one.
 */
export async function readLimitedBody(res: Pick<Response, 'headers' | 'body'>, maxBytes: number, url: string, signal?: AbortSignal): Promise<Uint8Array> {
  const declared = declaredLength(res.headers.get('content-length'))
  if (declaredOver(declared, maxBytes)) throw new SyncError('too_large', [`${declared} > ${maxBytes} bytes`, url])
  const body = cappedBytes(maxBytes, declared)
  if (res.body) {
    const reader = res.body.getReader()
    const deadline = signal ? aborted(signal) : new Promise<never>(() => undefined)
    deadline.catch(() => undefined)
    try {
      for (;;) {
        const { done, value } = await Promise.race([reader.read(), deadline])
        if (done) break
        if (body.add(value) === 'too_large') throw new SyncError('too_large', [`> ${maxBytes} bytes`, url])
      }
    } catch (e) {
      void reader.cancel().catch(() => undefined)
      if (e instanceof SyncError) throw e
      if (signal?.aborted) throw new SyncError('timeout', [url])
      // the connection dropped mid-body: what arrived is a part, not the file
      throw new SyncError('truncated', [`${body.total} bytes received`, url])
    }
  }
  if (body.short()) throw new SyncError('truncated', [`${body.total} < ${declared} bytes`, url])
  return body.bytes()
}
