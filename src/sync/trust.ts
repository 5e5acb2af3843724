/**
 * Which key a source's feeds must be signed with (issue 18 §6, §7;
 * docs/feed-format.md "Trust on first use, epochs and key rotation").
 *
 * - Trust on first use: once a revision signed with a key went live, that key
 *   (and the township root key, if the config named one) is pinned: it is the
 *   live revision's `signedWith` / `trustedRootKey`, written in the same
 *   transaction as the content. A later config without a key is refused
 *   (key_missing); one with another key is refused (key_changed) until a feed
 *   signed with the new key carries an epoch record signed by the pinned key
 *   or the pinned root key.
 * - Epochs, in the manner of TUF root rotation: `_gongkai.epoch` = { number,
 *   public_key, signature }. A higher epoch than the pinned one, signed by the
 *   pinned key or root key, is accepted even when its revision is lower (the
 *   way back from a revision like 9007199254740991) and may name a new key
 *   (the way back from a lost or leaked key, with the root key). A lower epoch
 *   is refused, so the bad revision cannot be replayed.
 */
import type { FeedContent } from '../feed/types'
import { SyncError } from './errors'
import { decodeBase64, ed25519Verify, parsePublicKey } from './verifySignature'

export interface TrustPin {
  publicKey: string
  epoch: number
  rootKey?: string
}

/** what the live revision's record says about trust (db RevisionRecord fields) */
export interface TrustRecordFields {
  signedWith?: string
  trustedRootKey?: string
  epoch?: { number: number }
}

export function pinFromRecord(r: TrustRecordFields | null | undefined): TrustPin | null {
  if (!r?.signedWith) return null
  return { publicKey: r.signedWith, epoch: r.epoch?.number ?? 0, ...(r.trustedRootKey ? { rootKey: r.trustedRootKey } : {}) }
}

/** the bytes an epoch record's signature covers: bound to the village, the epoch number and its key */
export function epochMessage(villageCode: string, epoch: number, publicKey: string): Uint8Array {
  return new TextEncoder().encode(`gongkai-epoch/1\n${villageCode}\n${epoch}\n${publicKey.trim()}`)
}

const sameKey = (a: string | undefined, b: string | undefined) => {
  if (!a || !b) return false
  const x = parsePublicKey(a)
  const y = parsePublicKey(b)
  return !!x && !!y && x.length === y.length && x.every((v, i) => v === y[i])
}

/** Before anything is fetched: a source that trusts a key must still name one. */
export function checkConfiguredKey(source: { publicKey?: string }, pin: TrustPin | null): void {
  if (pin && !source.publicKey) throw new SyncError('key_missing', [`本机信任的公钥 / trusted key: ${pin.publicKey}`])
}

export interface TrustDecision {
  /** the epoch record lifts the revision check: this revision may be lower than the live one */
  resetRevision: boolean
  /** root key to pin with this revision */
  rootKey?: string
}

/**
 * After the signature verified with the configured key and the feed parsed:
 * whether that key and the feed's epoch may be trusted, given the pin.
 */
export async function decideTrust(source: { publicKey?: string; rootKey?: string }, content: FeedContent, pin: TrustPin | null): Promise<TrustDecision> {
  if (!source.publicKey) return { resetRevision: false }
  const e = content.epoch
  if (e && !sameKey(e.publicKey, source.publicKey)) throw new SyncError('epoch', ['纪元记录中的公钥与签名所用的不同 / the epoch record names another key than the one that signed the feed'])
  // first signed content: the configured keys are pinned as they are
  if (!pin) return { resetRevision: false, ...(source.rootKey ? { rootKey: source.rootKey } : {}) }
  const epoch = e?.number ?? 0
  const keep = pin.rootKey ? { rootKey: pin.rootKey } : {}
  if (epoch < pin.epoch) throw new SyncError('epoch', [`${epoch} < ${pin.epoch}`])
  if (epoch === pin.epoch) {
    if (!sameKey(source.publicKey, pin.publicKey)) throw new SyncError('key_changed', [`本机信任的公钥 / trusted key: ${pin.publicKey}`])
    return { resetRevision: false, ...keep }
  }
  // a new epoch: its record must be signed by the key or root key this device already trusts
  const signature = decodeBase64(e!.signature)
  const message = epochMessage(content.village.code, epoch, e!.publicKey)
  for (const signer of [pin.publicKey, pin.rootKey]) {
    const key = signer ? parsePublicKey(signer) : null
    if (key && signature && signature.length === 64 && (await ed25519Verify(signature, message, key))) return { resetRevision: true, ...keep }
  }
  if (!sameKey(source.publicKey, pin.publicKey)) throw new SyncError('key_changed', ['更换记录不是由本机信任的密钥签署的 / the key change is not signed by a key this device trusts'])
  throw new SyncError('epoch', ['纪元记录的签名无效 / the epoch record\'s signature does not verify'])
}
