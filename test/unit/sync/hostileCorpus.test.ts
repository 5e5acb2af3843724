/**
 * Every hostile-corpus case through the real sync path (fetch with limits →
 * signature → validation → revision check → attachments → commit) against a
 * kiosk that trusts one key and shows a good revision: refused cases give
 * their reason and leave the good revision live and unchanged; injection
 * cases are applied (rendering them inert is checked in hostileInert.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { syncSource } from '../../../src/sync/syncSource'
import { getLiveContentSliced, getLiveRecord, getSyncState } from '../../../src/db'
import { CORPUS, ELSEWHERE, FEED_PATH, SIG_PATH, context, goodPublicKey, goodServed, otherPublicKey, type Body, type HostileCase } from '../../fixtures/hostile/corpus'
import { zh } from '../../support/words'
import { syncErrorMessage } from '../../../src/sync/errors'

const ORIGIN = 'https://township.example'
const LIVE = 5

function respond(body: Body | undefined): Response {
  if (body === undefined) return new Response('not found', { status: 404 })
  if (typeof body === 'number') return new Response(null, { status: body })
  return new Response(body as BodyInit, { status: 200, headers: { 'content-length': String(body.byteLength) } })
}

/** the feed as a case's transport delivers it */
function deliver(body: Body | undefined, transport: HostileCase['transport']): Response {
  if (transport === 'not-modified') return new Response(null, { status: 304 })
  if (transport === 'cut-short' && body instanceof Uint8Array) {
    // Content-Length says all of it; the connection drops after half (what fetch reports as a network error mid-body)
    const half = body.slice(0, body.length >> 1)
    const stream = new ReadableStream<Uint8Array>({ start: (c) => { c.enqueue(half); c.error(new TypeError('network error')) } })
    return new Response(stream, { status: 200, headers: { 'content-length': String(body.byteLength) } })
  }
  const res = respond(body)
  if (transport === 'redirect-away') Object.defineProperty(res, 'url', { value: `${ELSEWHERE}${FEED_PATH}` })
  return res
}

function serve(routes: Map<string, Body>, transport?: () => HostileCase['transport']) {
  return async (url: string) => {
    const path = new URL(url).pathname
    return path === FEED_PATH && transport?.() ? deliver(routes.get(path), transport()) : respond(routes.get(path))
  }
}

/** the stored content as text, invisible characters and all (warnings for #/status name dropped files: left out) */
const storedText = (x: unknown) => JSON.stringify(x, (k, v: unknown) => (k === 'warnings' || v instanceof Blob ? undefined : v))

describe('hostile-feed corpus through sync', () => {
  it('has at least 40 cases with distinct ids', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40)
    expect(new Set(CORPUS.map((c) => c.id)).size).toBe(CORPUS.length)
  })

  for (const c of CORPUS) {
    const outcomeWords = c.expect === 'inert' || c.expect === 'applied' ? 'applied' : `refused (${c.expect})`
    it(`${c.id}: ${outcomeWords} — ${c.title}`, async () => {
      const key = c.unsigned ? undefined : await goodPublicKey()
      const source = { id: `hostile-${c.id}`, url: `${ORIGIN}${FEED_PATH}`, publicKey: key }
      const routes = new Map<string, Body>()
      // the good revision arrives plainly; the case's own feed as its transport says
      const wire: { transport?: HostileCase['transport'] } = {}
      const deps = { fetch: serve(routes, () => wire.transport), timeoutMs: 10_000, maxBytes: 20 * 1024 * 1024 }

      if (!c.fresh) {
        const good = await goodServed(LIVE)
        routes.set(FEED_PATH, good.feed).set(SIG_PATH, good.sig)
        expect((await syncSource(source, deps)).kind).toBe('applied')
      }
      const before = await getLiveContentSliced(source.id)

      const served = await c.build(context(LIVE))
      routes.clear()
      routes.set(FEED_PATH, served.feed)
      routes.set(SIG_PATH, served.sig ?? (typeof served.feed === 'number' ? 404 : await context(LIVE).sign(served.feed)))
      for (const [path, body] of Object.entries(served.files ?? {})) routes.set(path, body)
      wire.transport = c.transport
      const configured = c.config === 'no-key' ? { ...source, publicKey: undefined } : c.config === 'other-key' ? { ...source, publicKey: await otherPublicKey() } : source
      const outcome = await syncSource(configured, deps)

      if (c.expect === 'inert' || c.expect === 'applied') {
        expect(outcome.kind, JSON.stringify(outcome)).toBe('applied')
        if (c.expect === 'inert') expect(outcome).toMatchObject({ revision: LIVE + 1 })
        const text = storedText(await getLiveContentSliced(source.id))
        for (const h of c.hidden ?? []) expect(text, c.id).not.toContain(h)
        return
      }
      expect(outcome.kind).toBe('failed')
      if (outcome.kind === 'failed') expect(outcome.error.code, JSON.stringify(outcome.error.details)).toBe(c.expect)
      const state = await getSyncState(source.id)
      expect(state.lastError?.code).toBe(c.expect)
      expect(zh(syncErrorMessage(state.lastError!.code))).toMatch(/[\u4e00-\u9fff]/)
      if (c.fresh) expect(await getLiveRecord(source.id)).toBeNull()
      else expect((await getLiveRecord(source.id))?.revision).toBe(LIVE)
      expect(await getLiveContentSliced(source.id)).toEqual(before)
    })
  }
})
