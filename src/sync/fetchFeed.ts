/**
 * Conditional GET of a feed: If-None-Match / If-Modified-Since, through the
 * one bounded reader (boundedFetch.ts): deadline, size limit, cancellation.
 */
import { SyncError } from './errors'
import { fetchBounded, type FetchLike } from './boundedFetch'

export type { FetchLike } from './boundedFetch'

export interface FetchOptions {
  etag?: string
  lastModified?: string
  timeoutMs: number
  maxBytes: number
  fetch?: FetchLike
  allowedOrigins?: readonly string[]
  /** told when a 200's body starts to download (syncSource reads what the apply checks first meanwhile) */
  onBody?: () => void
}

export type FetchResult =
  | { status: 'not-modified' }
  | { status: 'ok'; bytes: Uint8Array; etag?: string; lastModified?: string; url: string }

export async function fetchFeed(url: string, opts: FetchOptions): Promise<FetchResult> {
  const headers: Record<string, string> = { Accept: 'application/feed+json, application/json' }
  if (opts.etag) headers['If-None-Match'] = opts.etag
  if (opts.lastModified) headers['If-Modified-Since'] = opts.lastModified
  // no-store: the kiosk keeps its own copy in IndexedDB; the HTTP cache must not answer for the server
  const { res, bytes } = await fetchBounded(url, { headers, cache: 'no-store' }, {
    ...opts,
    onHeaders: (r) => {
      if (r.status === 304) return false
      if (!r.ok) throw new SyncError('http', [`HTTP ${r.status}`, url])
      opts.onBody?.()
    },
  })
  if (!bytes) {
    // a 304 answers a conditional request; one the kiosk never made means the server (or something between) lies
    if (!opts.etag && !opts.lastModified) throw new SyncError('unsolicited_304', [url])
    return { status: 'not-modified' }
  }
  return {
    status: 'ok',
    bytes,
    etag: res.headers.get('etag') ?? undefined,
    lastModified: res.headers.get('last-modified') ?? undefined,
    url: res.url || url,
  }
}
