/**
 * Detached Ed25519 signatures over the exact feed bytes: both .sig forms
 * (base64 text and 64 raw bytes), the reasons a signature is refused, and the
 * @noble/ed25519 fallback giving the same answers as WebCrypto.
 */
import { describe, expect, it } from 'vitest'
import * as ed from '@noble/ed25519'
import { ed25519Verify, parsePublicKey, parseSignature, signatureUrl, verifyFeedSignature } from '../../../src/sync/verifySignature'
import { SyncError } from '../../../src/sync/errors'
import { fakeFetch } from '../../support/fakeFetch'

const secret = new Uint8Array(32).fill(7)
const feedUrl = 'https://township.example/feeds/v.json?k=1'
const bytes = new TextEncoder().encode('{"version":"https://jsonfeed.org/version/1.1"}')

async function keyB64() {
  return Buffer.from(await ed.getPublicKeyAsync(secret)).toString('base64')
}

async function run(sig: BodyInit | null, status = 200, key?: string) {
  const { fetch } = fakeFetch({ 'https://township.example/feeds/v.json.sig?k=1': () => new Response(sig, { status }) })
  return verifyFeedSignature({ publicKey: key ?? (await keyB64()) }, bytes, feedUrl, { fetch, timeoutMs: 1000 })
}

describe('verifyFeedSignature', () => {
  it('puts .sig on the path, keeping the query', () => {
    expect(signatureUrl(feedUrl)).toBe('https://township.example/feeds/v.json.sig?k=1')
  })

  it('accepts a base64 signature file (with a trailing newline) and a raw 64-byte one', async () => {
    const sig = await ed.signAsync(bytes, secret)
    await expect(run(Buffer.from(sig).toString('base64') + '\n')).resolves.toBeUndefined()
    await expect(run(sig as BodyInit)).resolves.toBeUndefined()
  })

  it('refuses a missing, malformed, foreign or mismatched signature with the reason', async () => {
    const other = await ed.signAsync(new TextEncoder().encode('other bytes'), secret)
    const cases: [BodyInit | null, number, RegExp][] = [
      [null, 404, /签名文件缺失.*HTTP 404/],
      ['hello', 200, /签名文件格式不对/],
      [Buffer.from(other).toString('base64'), 200, /签名与内容不符/],
      ['A'.repeat(5000), 200, /签名文件格式不对/],
    ]
    for (const [body, status, reason] of cases) {
      const err = await run(body, status).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(SyncError)
      expect((err as SyncError).code).toBe('signature')
      expect((err as SyncError).details.join(' ')).toMatch(reason)
    }
  })

  it('refuses a configured key that is not a 32-byte key', async () => {
    const err = (await run('x', 200, 'not-a-key').catch((e: unknown) => e)) as SyncError
    expect(err.code).toBe('signature')
    expect(err.details[0]).toContain('公钥无效')
  })

  it('passes sources without a key untouched (they are shown as unsigned)', async () => {
    await expect(verifyFeedSignature({}, bytes, feedUrl, { timeoutMs: 1000, fetch: () => Promise.reject(new Error('no fetch expected')) })).resolves.toBeUndefined()
  })
})

describe('key and signature parsing', () => {
  it('reads base64 and hex keys, and refuses other lengths', async () => {
    const raw = await ed.getPublicKeyAsync(secret)
    expect(parsePublicKey(Buffer.from(raw).toString('base64'))).toEqual(raw)
    expect(parsePublicKey(Buffer.from(raw).toString('hex'))).toEqual(raw)
    expect(parsePublicKey(Buffer.from(raw.slice(0, 16)).toString('base64'))).toBeNull()
  })

  it('reads a signature from raw bytes or base64 text only', () => {
    const raw = new Uint8Array(64).fill(1)
    expect(parseSignature(raw)).toEqual(raw)
    expect(parseSignature(new TextEncoder().encode(Buffer.from(raw).toString('base64')))).toEqual(raw)
    expect(parseSignature(new Uint8Array(32))).toBeNull()
  })

  it('WebCrypto and @noble/ed25519 agree', async () => {
    const pub = await ed.getPublicKeyAsync(secret)
    const sig = await ed.signAsync(bytes, secret)
    expect(await ed25519Verify(sig, bytes, pub)).toBe(true)
    expect(await ed.verifyAsync(sig, bytes, pub)).toBe(true)
    const flipped = Uint8Array.from(bytes)
    flipped[0] = flipped[0]! ^ 1
    expect(await ed25519Verify(sig, flipped, pub)).toBe(false)
  })
})
