/**
 * Conditional GET of a feed: If-None-Match / If-Modified-Since, a timeout, and a
 * size limit enforced while reading (before anything is parsed).
 */
import { SyncError } from './errors'

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

export interface FetchOptions {
  etag?: string
  lastModified?: string
  timeoutMs: number
  maxBytes: number
  fetch?: FetchLike
}

export type FetchResult =
  | { status: 'not-modified' }
  | { status: 'ok'; bytes: Uint8Array; etag?: string; lastModified?: string; url: string }

/** Reads a response body, refusing it as soon as it passes maxBytes. */
export async function readLimited(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'))
  if (declared > maxBytes) throw new SyncError('too_large', [`${declared} > ${maxBytes} bytes`])
  if (!res.body) return new Uint8Array(await res.arrayBuffer())
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      throw new SyncError('too_large', [`> ${maxBytes} bytes`])
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const c of chunks) {
    out.set(c, offset)
    offset += c.byteLength
  }
  return out
}

/**
 * readLimited with a deadline for the body too: a server that sends headers
 * and then stalls must not hold a sync (signature files, attachments).
 */
export async function readLimitedWithin(res: Response, maxBytes: number, timeoutMs: number, url: string): Promise<Uint8Array> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void res.body?.cancel().catch(() => undefined)
      reject(new SyncError('timeout', [url]))
    }, timeoutMs)
  })
  try {
    return await Promise.race([readLimited(res, maxBytes), deadline])
  } finally {
    clearTimeout(timer)
  }
}

/** fetch with an AbortController deadline; a timeout becomes SyncError('timeout'). */
export async function fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number, fetchImpl: FetchLike = fetch): Promise<Response> {
  const ctrl = new AbortController()
  const timer = setTimeout(() => ctrl.abort(), timeoutMs)
  try {
    return await fetchImpl(url, { ...init, signal: ctrl.signal })
  } catch (e) {
    if (ctrl.signal.aborted) throw new SyncError('timeout', [url])
    throw new SyncError('network', [url, String((e as Error)?.message ?? e)])
  } finally {
    clearTimeout(timer)
  }
}

export async function fetchFeed(url: string, opts: FetchOptions): Promise<FetchResult> {
  const headers: Record<string, string> = { Accept: 'application/feed+json, application/json' }
  if (opts.etag) headers['If-None-Match'] = opts.etag
  if (opts.lastModified) headers['If-Modified-Since'] = opts.lastModified
  // no-store: the kiosk keeps its own copy in IndexedDB; the HTTP cache must not answer for the server
  const res = await fetchWithTimeout(url, { headers, cache: 'no-store' }, opts.timeoutMs, opts.fetch)
  if (res.status === 304) return { status: 'not-modified' }
  if (!res.ok) throw new SyncError('http', [`HTTP ${res.status}`, url])
  const ctrl = new AbortController()
  const timer = setTimeout(() => ctrl.abort(), opts.timeoutMs)
  try {
    const bytes = await Promise.race([
      readLimited(res, opts.maxBytes),
      new Promise<never>((_, reject) => ctrl.signal.addEventListener('abort', () => reject(new SyncError('timeout', [url])))),
    ])
    return {
      status: 'ok',
      bytes,
      etag: res.headers.get('etag') ?? undefined,
      lastModified: res.headers.get('last-modified') ?? undefined,
      url: res.url || url,
    }
  } finally {
    clearTimeout(timer)
  }
}
