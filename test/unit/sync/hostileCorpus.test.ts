/**
 * Every hostile-corpus case through the real sync path (fetch with limits →
 * signature → validation → revision check → attachments → commit) against a
 * kiosk that trusts one key and shows a good revision: refused cases give
 * their reason and leave the good revision live and unchanged; injection
 * cases are applied (rendering them inert is checked in hostileInert.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { syncSource } from '../../../src/sync/syncSource'
import { getLiveContent, getLiveRecord, getSyncState } from '../../../src/db'
import { CORPUS, FEED_PATH, SIG_PATH, context, goodPublicKey, goodServed, type Body } from '../../fixtures/hostile/corpus'

const ORIGIN = 'https://township.example'
const LIVE = 5

function respond(body: Body | undefined): Response {
  if (body === undefined) return new Response('not found', { status: 404 })
  if (typeof body === 'number') return new Response(null, { status: body })
  return new Response(body as BodyInit, { status: 200, headers: { 'content-length': String(body.byteLength) } })
}

function serve(routes: Map<string, Body>) {
  return async (url: string) => respond(routes.get(new URL(url).pathname))
}

describe('hostile-feed corpus through sync', () => {
  it('has at least 40 cases with distinct ids', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40)
    expect(new Set(CORPUS.map((c) => c.id)).size).toBe(CORPUS.length)
  })

  for (const c of CORPUS) {
    it(`${c.id}: ${c.expect === 'inert' ? 'applied' : `refused (${c.expect})`} — ${c.title}`, async () => {
      const source = { id: `hostile-${c.id}`, url: `${ORIGIN}${FEED_PATH}`, publicKey: await goodPublicKey() }
      const routes = new Map<string, Body>()
      const deps = { fetch: serve(routes), timeoutMs: 10_000, maxBytes: 20 * 1024 * 1024 }

      const good = await goodServed(LIVE)
      routes.set(FEED_PATH, good.feed).set(SIG_PATH, good.sig)
      expect((await syncSource(source, deps)).kind).toBe('applied')
      const before = await getLiveContent(source.id)

      const served = await c.build(context(LIVE))
      routes.clear()
      routes.set(FEED_PATH, served.feed)
      routes.set(SIG_PATH, served.sig ?? (typeof served.feed === 'number' ? 404 : await context(LIVE).sign(served.feed)))
      for (const [path, body] of Object.entries(served.files ?? {})) routes.set(path, body)
      const outcome = await syncSource(source, deps)

      if (c.expect === 'inert') {
        expect(outcome).toMatchObject({ kind: 'applied', revision: LIVE + 1 })
        return
      }
      expect(outcome.kind).toBe('failed')
      if (outcome.kind === 'failed') expect(outcome.error.code).toBe(c.expect)
      const state = await getSyncState(source.id)
      expect(state.lastError?.code).toBe(c.expect)
      expect(state.lastError?.zh).toBeTruthy()
      expect((await getLiveRecord(source.id))?.revision).toBe(LIVE)
      expect(await getLiveContent(source.id)).toEqual(before)
    })
  }
})
