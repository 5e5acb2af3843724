/**
 * Ed25519 detached signatures over the exact feed bytes (docs/feed-format.md,
 * docs/township-guide.md).
 *
 * - Public key: the 32 raw key bytes, base64 (what `gongkai-feed keygen` prints);
 *   64 hex characters are accepted too.
 * - Signature: `<feed url>.sig` beside the feed (same query string), either the
 *   64 raw signature bytes or their base64 text (88 characters, `gongkai-feed
 *   sign` writes this form; surrounding whitespace is ignored).
 *
 * Verification runs on the bytes as fetched, before they are decoded or parsed,
 * with WebCrypto Ed25519 (Chromium ≥ 137, Node 20) or @noble/ed25519 where
 * WebCrypto lacks it.
 */
import { SyncError } from './errors'
import { fetchBounded, type FetchLike } from './boundedFetch'

/** a signature file is 64 bytes (raw) or 88 (base64) plus a newline; anything far bigger is not one */
const MAX_SIG_BYTES = 1024

export function decodeBase64(text: string): Uint8Array | null {
  const s = text.trim().replace(/-/g, '+').replace(/_/g, '/')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1) return null
  try {
    const bin = atob(s.padEnd(Math.ceil(s.length / 4) * 4, '='))
    return Uint8Array.from(bin, (c) => c.charCodeAt(0))
  } catch {
    return null
  }
}

export function encodeBase64(bytes: Uint8Array): string {
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin)
}

/** The 32 raw bytes of a configured public key, or null when it is not one. */
export function parsePublicKey(text: string): Uint8Array | null {
  const t = text.trim()
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Uint8Array.from(t.match(/../g)!, (h) => parseInt(h, 16))
  const raw = decodeBase64(t)
  return raw && raw.length === 32 ? raw : null
}

/** The 64 signature bytes from a .sig file's body (raw or base64), or null. */
export function parseSignature(body: Uint8Array): Uint8Array | null {
  if (body.length === 64) {
    // 64 bytes of base64 text would decode to 48 bytes: a raw signature is the only reading
    return body
  }
  const text = new TextDecoder().decode(body)
  const raw = decodeBase64(text)
  return raw && raw.length === 64 ? raw : null
}

let webCryptoEd25519: boolean | undefined

/** true when the signature is valid for these bytes and key */
export async function ed25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): Promise<boolean> {
  if (webCryptoEd25519 !== false) {
    try {
      const key = await crypto.subtle.importKey('raw', publicKey as BufferSource, { name: 'Ed25519' }, false, ['verify'])
      webCryptoEd25519 = true
      return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature as BufferSource, message as BufferSource)
    } catch (e) {
      // NotSupportedError: this engine's WebCrypto has no Ed25519; other errors mean a bad key
      if (webCryptoEd25519 === true || (e as Error)?.name !== 'NotSupportedError') return false
      webCryptoEd25519 = false
    }
  }
  const ed = await import('@noble/ed25519')
  try {
    return await ed.verifyAsync(signature, message, publicKey)
  } catch {
    return false
  }
}

/** Where a feed's detached signature lives: the feed's address with `.sig` appended to its path. */
export function signatureUrl(feedUrl: string): string {
  const u = new URL(feedUrl)
  u.pathname += '.sig'
  return u.href
}

export interface VerifyDeps {
  fetch?: FetchLike
  timeoutMs: number
  allowedOrigins?: readonly string[]
}

/**
 * Fetches `<feed url>.sig` and checks it against the exact bytes; throws
 * SyncError('signature') with the reason when they do not match. Sources
 * without a public key pass unchecked (#/status says they are unsigned).
 */
export async function verifyFeedSignature(source: { publicKey?: string }, bytes: Uint8Array, feedUrl: string, deps: VerifyDeps): Promise<void> {
  if (!source.publicKey) return
  const key = parsePublicKey(source.publicKey)
  if (!key) throw new SyncError('signature', ['配置中的公钥无效（应为 32 字节的 base64） / the configured public key is invalid (expected 32 bytes, base64)'])
  const url = signatureUrl(feedUrl)
  let body: Uint8Array
  try {
    const r = await fetchBounded(url, { cache: 'no-store' }, {
      timeoutMs: deps.timeoutMs,
      maxBytes: MAX_SIG_BYTES,
      fetch: deps.fetch,
      allowedOrigins: deps.allowedOrigins,
      onHeaders: (res) => {
        if (!res.ok) throw new SyncError('signature', [`签名文件缺失 / signature file missing: HTTP ${res.status}`, url])
      },
    })
    body = r.bytes!
  } catch (e) {
    if (e instanceof SyncError && e.code === 'too_large') throw new SyncError('signature', ['签名文件格式不对 / the signature file is not a signature', url])
    throw e
  }
  const signature = parseSignature(body)
  if (!signature) throw new SyncError('signature', ['签名文件格式不对（应为 64 字节或其 base64） / the signature file is not 64 bytes or their base64', url])
  if (!(await ed25519Verify(signature, bytes, key))) {
    throw new SyncError('signature', ['签名与内容不符：内容可能被篡改，或用错了密钥 / the signature does not match these bytes: altered content or the wrong key', url])
  }
}

/** The `verify` dependency of applyFeedBytes (sync/applyRevision.ts). */
export function createFeedVerifier(deps: VerifyDeps) {
  return (source: { publicKey?: string }, bytes: Uint8Array, feedUrl: string) => verifyFeedSignature(source, bytes, feedUrl, deps)
}
