/**
 * Issue 18 §4, §9, §11: the one bounded reader. A timed-out or refused
 * request is cancelled (its signal aborts, so the connection is let go); a
 * body cut short, a redirect to another origin and files from one are each
 * refused with their own reason, unless the config allows that origin.
 */
import { describe, expect, it } from 'vitest'
import { fetchBounded } from '../../../src/sync/boundedFetch'
import { syncSource } from '../../../src/sync/syncSource'
import { SyncError } from '../../../src/sync/errors'
import { baseFeed, encode } from '../../support/feeds'

const URL_ = 'https://township.example/feeds/v.json'

/** a fetch whose body stalls after headers, recording whether the request was aborted */
function stalling() {
  const signals: AbortSignal[] = []
  const fetch = async (_url: string, init?: RequestInit) => {
    signals.push(init!.signal!)
    return new Response(new ReadableStream({ start: (c) => c.enqueue(new Uint8Array(10)) }), { status: 200 })
  }
  return { fetch, signals }
}

const refusal = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof SyncError ? e.code : String(e)))

describe('fetchBounded', () => {
  it('a stalled body times out and the request is aborted', async () => {
    const s = stalling()
    expect(await refusal(fetchBounded(URL_, {}, { timeoutMs: 100, maxBytes: 1000, fetch: s.fetch }))).toBe('timeout')
    expect(s.signals[0]!.aborted).toBe(true)
  })

  it('a response refused on its headers or for its size is aborted too', async () => {
    const s = stalling()
    expect(await refusal(fetchBounded(URL_, {}, { timeoutMs: 5000, maxBytes: 5, fetch: s.fetch }))).toBe('too_large')
    expect(await refusal(fetchBounded(URL_, {}, { timeoutMs: 5000, maxBytes: 1000, fetch: s.fetch, onHeaders: () => false }))).toBe('ok')
    expect(s.signals.every((x) => x.aborted)).toBe(true)
  })

  it('fewer bytes than Content-Length is a truncated transfer', async () => {
    const fetch = async () => new Response(new Uint8Array(10), { headers: { 'content-length': '20' } })
    expect(await refusal(fetchBounded(URL_, {}, { timeoutMs: 5000, maxBytes: 1000, fetch }))).toBe('truncated')
  })

  it('a redirect to another origin is refused unless configured', async () => {
    const fetch = async () => {
      const res = new Response('{}')
      Object.defineProperty(res, 'url', { value: 'https://cdn.example/v.json' })
      return res
    }
    expect(await refusal(fetchBounded(URL_, {}, { timeoutMs: 5000, maxBytes: 1000, fetch }))).toBe('redirect')
    expect(await refusal(fetchBounded(URL_, {}, { timeoutMs: 5000, maxBytes: 1000, fetch, allowedOrigins: ['https://cdn.example'] }))).toBe('ok')
  })
})

describe('files from other origins', () => {
  it('are refused, unless the config allows the origin', async () => {
    const f = baseFeed(1)
    f.items[0].image = 'https://cdn.example/p.png'
    const fetch = async (url: string) => new Response(url === URL_ ? (encode(f) as BodyInit) : 'png')
    const denied = await syncSource({ id: 'origin-denied', url: URL_ }, { fetch, timeoutMs: 5000, maxBytes: 1 << 20 })
    expect(denied.kind === 'failed' && denied.error.code).toBe('file_origin')
    const allowed = await syncSource({ id: 'origin-allowed', url: URL_, allowedOrigins: ['https://cdn.example'] }, { fetch, timeoutMs: 5000, maxBytes: 1 << 20 })
    expect(allowed.kind).toBe('applied')
  })
})
