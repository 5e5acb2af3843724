/**
 * Issue 18 §6 and §7 through the real sync path: the first signed revision
 * pins its key (and the township root key); a lost key is replaced with an
 * epoch record signed by the root key; a bad revision number is left behind
 * with a new epoch; the old epoch cannot be replayed; a redirect or file to
 * an origin the config allows is accepted.
 */
import { describe, expect, it } from 'vitest'
import * as ed from '@noble/ed25519'
import { createHash } from 'node:crypto'
import { syncSource } from '../../../src/sync/syncSource'
import { epochMessage } from '../../../src/sync/trust'
import { getLiveRecord } from '../../../src/db'
import { baseFeed, encode, type Json } from '../../support/feeds'

const secret = (name: string) => createHash('sha256').update(`trust test ${name}`).digest()
const pub = async (s: Uint8Array) => Buffer.from(await ed.getPublicKeyAsync(s)).toString('base64')
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')
const URL_ = 'https://township.example/feeds/v.json'

function kiosk(id: string) {
  const routes = new Map<string, Uint8Array | string>()
  const fetch = async (url: string) => {
    const b = routes.get(url)
    return b === undefined ? new Response(null, { status: 404 }) : new Response(b as BodyInit)
  }
  return {
    async serve(feed: Json, signer: Uint8Array) {
      const bytes = encode(feed)
      routes.set(URL_, bytes).set(`${URL_}.sig`, b64(await ed.signAsync(bytes, signer)))
    },
    sync: (keys: { publicKey?: string; rootKey?: string }) => syncSource({ id, url: URL_, ...keys }, { fetch, timeoutMs: 5000, maxBytes: 1 << 20 }),
  }
}

async function epoch(feed: Json, number: number, key: string, signer: Uint8Array) {
  feed._gongkai.epoch = { number, public_key: key, signature: b64(await ed.signAsync(epochMessage(feed._gongkai.village.code, number, key), signer)) }
  return feed
}

const code = (o: Awaited<ReturnType<ReturnType<typeof kiosk>['sync']>>) => (o.kind === 'failed' ? o.error.code : o.kind)

describe('trust on first use, epochs and key rotation', () => {
  it('a lost key is replaced by an epoch record signed with the township root key; the old epoch cannot come back', async () => {
    const [old, root, fresh] = [secret('old'), secret('root'), secret('new')]
    const k = kiosk('tofu-root')
    await k.serve(baseFeed(5), old)
    expect(code(await k.sync({ publicKey: await pub(old), rootKey: await pub(root) }))).toBe('applied')
    expect((await getLiveRecord('tofu-root'))?.trustedRootKey).toBe(await pub(root))

    // the new key without a record: refused, whatever the config now says
    await k.serve(baseFeed(6), fresh)
    expect(code(await k.sync({ publicKey: await pub(fresh) }))).toBe('key_changed')
    expect(code(await k.sync({}))).toBe('key_missing')

    // with the record signed by the root key: accepted and pinned
    await k.serve(await epoch(baseFeed(6), 1, await pub(fresh), root), fresh)
    expect(code(await k.sync({ publicKey: await pub(fresh) }))).toBe('applied')
    expect((await getLiveRecord('tofu-root'))?.signedWith).toBe(await pub(fresh))

    // the thief of the old key, with the old config restored, cannot go back to epoch 0
    await k.serve(baseFeed(7), old)
    expect(code(await k.sync({ publicKey: await pub(old) }))).toBe('epoch')
    expect((await getLiveRecord('tofu-root'))?.revision).toBe(6)
  })

  it('a bad revision number is left behind with a new epoch, and later revisions count from there', async () => {
    const key = secret('bad-rev')
    const k = kiosk('tofu-epoch')
    await k.serve(baseFeed(Number.MAX_SAFE_INTEGER), key)
    expect(code(await k.sync({ publicKey: await pub(key) }))).toBe('applied')
    await k.serve(baseFeed(3), key)
    expect(code(await k.sync({ publicKey: await pub(key) }))).toBe('rollback')
    await k.serve(await epoch(baseFeed(3), 1, await pub(key), key), key)
    expect(code(await k.sync({ publicKey: await pub(key) }))).toBe('applied')
    expect((await getLiveRecord('tofu-epoch'))?.revision).toBe(3)
    await k.serve(await epoch(baseFeed(4), 1, await pub(key), key), key)
    expect(code(await k.sync({ publicKey: await pub(key) }))).toBe('applied')
    await k.serve(await epoch(baseFeed(2), 1, await pub(key), key), key)
    expect(code(await k.sync({ publicKey: await pub(key) }))).toBe('rollback')
    // the bad revision itself, from epoch 0, is refused
    await k.serve(baseFeed(Number.MAX_SAFE_INTEGER), key)
    expect(code(await k.sync({ publicKey: await pub(key) }))).toBe('epoch')
  })

  it('an unsigned source takes a normal jump but not one past the bound', async () => {
    const k = kiosk('unsigned-jump')
    const routesFeed = async (r: number) => k.serve(baseFeed(r), secret('unused'))
    await routesFeed(5)
    expect(code(await k.sync({}))).toBe('applied')
    await routesFeed(5 + 10_000)
    expect(code(await k.sync({}))).toBe('applied')
    await routesFeed(5 + 10_000 + 10_001)
    expect(code(await k.sync({}))).toBe('revision_jump')
  })
})
