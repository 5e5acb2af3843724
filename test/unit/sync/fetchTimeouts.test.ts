/**
 * Every fetch a sync makes has a deadline, including the body: a server that
 * sends headers for the .sig or an attachment and then stalls ends in a
 * timeout the status can show, not a sync that never finishes.
 */
import { describe, expect, it } from 'vitest'
import * as ed from '@noble/ed25519'
import { syncSource } from '../../../src/sync/syncSource'
import { getSyncState } from '../../../src/db'
import { baseFeed, encode } from '../../support/feeds'
import { zh } from '../../support/words'
import { syncErrorMessage } from '../../../src/sync/errors'

const secret = new Uint8Array(32).fill(9)
const ORIGIN = 'https://township.example/feeds/'

/** headers at once, then a body that never ends */
const stalled = () => new Response(new ReadableStream({ start: () => undefined }), { status: 200 })

async function run(id: string, routes: Record<string, () => Response>) {
  const publicKey = Buffer.from(await ed.getPublicKeyAsync(secret)).toString('base64')
  const fetch = async (url: string) => (routes[url] ?? (() => new Response(null, { status: 404 })))()
  const t0 = Date.now()
  const outcome = await syncSource({ id, url: `${ORIGIN}v.json`, publicKey }, { fetch, timeoutMs: 300, maxBytes: 1 << 20 })
  return { outcome, ms: Date.now() - t0 }
}

describe('deadlines on the signature and attachment fetches', () => {
  it('a stalled .sig body times out', async () => {
    const feed = encode(baseFeed(1))
    const { outcome } = await run('stalled-sig', { [`${ORIGIN}v.json`]: () => new Response(feed as BodyInit), [`${ORIGIN}v.json.sig`]: stalled })
    expect(outcome.kind === 'failed' && outcome.error.code).toBe('timeout')
    expect(zh(syncErrorMessage((await getSyncState('stalled-sig')).lastError!.code))).toContain('超时')
  })

  it('a stalled attachment body times out and nothing is applied', async () => {
    const f = baseFeed(1)
    f.items[0].attachments = [{ url: 'a.pdf', mime_type: 'application/pdf', _gongkai: { sha256: 'a'.repeat(64) } }]
    const feed = encode(f)
    const sig = Buffer.from(await ed.signAsync(feed, secret)).toString('base64')
    const { outcome } = await run('stalled-asset', {
      [`${ORIGIN}v.json`]: () => new Response(feed as BodyInit),
      [`${ORIGIN}v.json.sig`]: () => new Response(sig),
      [`${ORIGIN}a.pdf`]: stalled,
    })
    expect(outcome.kind === 'failed' && outcome.error.code).toBe('timeout')
    expect((await getSyncState('stalled-asset')).lastError?.details?.[0]).toBe(`${ORIGIN}a.pdf`)
  })
})
