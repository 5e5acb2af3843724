/**
 * keygen, sign, verify: Ed25519 detached signatures over the exact bytes of
 * feed.json (@noble/ed25519; the kiosk verifies with WebCrypto or the same
 * library, src/sync/verifySignature.ts). Keys and signatures are base64.
 */
import { createHash } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import * as ed from '@noble/ed25519'
import { ed25519Verify, parsePublicKey, parseSignature } from '../../src/sync/verifySignature'
import { epochMessage } from '../../src/sync/trust'
import { UsageError, type Io } from '../io'

export const PRIVATE_KEY_FILE = 'gongkai-private.key'
export const PUBLIC_KEY_FILE = 'gongkai-public.key'

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64')

/** A new Ed25519 key pair (the CLI's keygen and the township console's signing key). */
export async function newKeyPair(): Promise<{ secret: Uint8Array; publicKey: Uint8Array }> {
  const secret = ed.utils.randomSecretKey()
  return { secret, publicKey: await ed.getPublicKeyAsync(secret) }
}

/** The detached signature of feed.json's exact bytes, as kiosks verify it. */
export const signBytes = (bytes: Uint8Array, secret: Uint8Array): Promise<Uint8Array> => ed.signAsync(bytes, secret)

export async function keygen(dir: string, io: Io): Promise<number> {
  const priv = join(dir, PRIVATE_KEY_FILE)
  const pub = join(dir, PUBLIC_KEY_FILE)
  if (existsSync(priv) || existsSync(pub)) throw new UsageError(`${priv} 已存在，未覆盖 / already exists; not overwritten`)
  mkdirSync(dir, { recursive: true })
  const { secret, publicKey } = await newKeyPair()
  writeFileSync(priv, b64(secret) + '\n', { mode: 0o600 })
  chmodSync(priv, 0o600)
  writeFileSync(pub, b64(publicKey) + '\n')
  io.out(`✓ 私钥 / private key: ${priv}（只放在签名用的电脑上，勿外传、勿放到一体机 / keep it on the signing computer only）`)
  io.out(`✓ 公钥 / public key: ${pub}`)
  io.out(`  一体机 config.json 中写 / in the kiosk's config.json: "publicKey": "${b64(publicKey)}"`)
  return 0
}

const PUBLIC_REFUSED = (path: string) =>
  new UsageError(`${path} 是公钥，不能用来签名。请用 --key 指定私钥 ${PRIVATE_KEY_FILE}（keygen 生成的另一个文件） / ${path} is the public key and cannot sign: give the private key (${PRIVATE_KEY_FILE}) with --key`)

/**
 * The private key. A public key is 32 base64 bytes too, so signing with it
 * would "succeed" and every kiosk would refuse the feed: a key file that is
 * named as public, or equals the public key beside it, is refused.
 */
async function readSecret(path: string): Promise<Uint8Array> {
  if (!existsSync(path)) throw new UsageError(`${path}: 找不到私钥 / private key not found (gongkai-feed keygen)`)
  const text = readFileSync(path, 'utf8').trim()
  if (basename(path) === PUBLIC_KEY_FILE || /public|\.pub$/i.test(basename(path))) throw PUBLIC_REFUSED(path)
  const raw = Buffer.from(text, 'base64')
  if (raw.length !== 32) throw new UsageError(`${path}: 不是有效的私钥 / not a private key`)
  const beside = join(dirname(path), PUBLIC_KEY_FILE)
  if (existsSync(beside)) {
    const pub = readFileSync(beside, 'utf8').trim()
    if (pub === text) throw PUBLIC_REFUSED(path)
    const derived = b64(await ed.getPublicKeyAsync(new Uint8Array(raw)))
    if (pub !== derived) throw new UsageError(`${path} 与旁边的 ${beside} 不是一对密钥：用它签名，配置了这个公钥的一体机会拒收 / ${path} and ${beside} are not a key pair: kiosks with that public key would refuse the signature`)
  }
  return new Uint8Array(raw)
}

export async function sign(file: string, keyPath: string, io: Io): Promise<number> {
  if (!existsSync(file)) throw new UsageError(`${file}: 文件不存在 / no such file`)
  const bytes = readFileSync(file)
  const signature = await signBytes(bytes, await readSecret(keyPath))
  writeFileSync(`${file}.sig`, b64(signature) + '\n')
  io.out(`✓ 已签名 / signed: ${file}.sig（之后不要再改动 ${file} / do not change the file after signing）`)
  return 0
}

export function readPublicKey(opts: { pubkey?: string; pubkeyFile?: string }): Uint8Array {
  const text = opts.pubkey ?? (existsSync(opts.pubkeyFile ?? PUBLIC_KEY_FILE) ? readFileSync(opts.pubkeyFile ?? PUBLIC_KEY_FILE, 'utf8') : undefined)
  if (text === undefined) throw new UsageError(`找不到公钥：用 --pubkey 或 --pubkey-file / no public key: give --pubkey or --pubkey-file`)
  const key = parsePublicKey(text)
  if (!key) throw new UsageError('公钥无效（应为 32 字节的 base64） / the public key is not 32 bytes of base64')
  return key
}

export async function verify(file: string, key: Uint8Array, io: Io): Promise<number> {
  if (!existsSync(file)) throw new UsageError(`${file}: 文件不存在 / no such file`)
  const sigPath = `${file}.sig`
  if (!existsSync(sigPath)) {
    io.err(`✗ ${sigPath}: 没有签名文件 / no signature file`)
    return 1
  }
  const bytes = readFileSync(file)
  const signature = parseSignature(readFileSync(sigPath))
  if (!signature || !(await ed25519Verify(signature, bytes, key))) {
    io.err(`✗ 签名不符：文件签名后被改动，或用错了密钥 / the signature does not match: the file changed after signing, or the wrong key`)
    return 1
  }
  io.out(`✓ 签名有效 / signature valid: ${sigPath}`)
  // attachments beside the feed must match the hashes the signature covers
  let bad = 0
  let feed: { items?: { attachments?: { url?: string; _gongkai?: { sha256?: string } }[] }[] }
  try {
    feed = JSON.parse(bytes.toString('utf8'))
  } catch {
    return 0
  }
  for (const a of (feed.items ?? []).flatMap((i) => i.attachments ?? [])) {
    if (!a.url || /^[a-z]+:/i.test(a.url)) continue
    const path = join(dirname(file), a.url)
    const expected = a._gongkai?.sha256
    if (!expected) {
      io.err(`✗ ${a.url}: 缺少 SHA-256，一体机会拒绝 / no SHA-256; kiosks with a key refuse it`)
      bad++
    } else if (!existsSync(path)) {
      io.err(`✗ ${a.url}: 附件不在 feed.json 旁边 / not found beside the feed`)
      bad++
    } else if (createHash('sha256').update(readFileSync(path)).digest('hex') !== expected) {
      io.err(`✗ ${a.url}: 附件内容与 SHA-256 不符 / does not match its SHA-256`)
      bad++
    }
  }
  if (bad) return 1
  io.out('✓ 附件校验通过 / attachments match')
  return 0
}

/**
 * epoch FILE --number N --pubkey(-file) NEW --key SIGNER: writes the epoch record
 * (docs/feed-format.md "Trust on first use, epochs and key rotation") into
 * feed.json, signed with SIGNER — the key the kiosks trust now, or the township
 * root key. Sign the feed afterwards with the key the record names.
 */
export async function epoch(file: string, number: number, newKey: Uint8Array, signerPath: string, io: Io): Promise<number> {
  if (!existsSync(file)) throw new UsageError(`${file}: 文件不存在 / no such file`)
  const feed = JSON.parse(readFileSync(file, 'utf8')) as { _gongkai?: { village?: { code?: string }; epoch?: unknown } }
  const code = feed._gongkai?.village?.code
  if (!code) throw new UsageError(`${file}: 没有 _gongkai.village.code，不能写纪元记录 / no _gongkai.village.code: an epoch record needs it`)
  const publicKey = b64(newKey)
  const signature = await signBytes(epochMessage(code, number, publicKey), await readSecret(signerPath))
  feed._gongkai!.epoch = { number, public_key: publicKey, signature: b64(signature) }
  writeFileSync(file, JSON.stringify(feed, null, 2) + '\n')
  io.out(`✓ 已写入第 ${number} 纪元记录 / epoch ${number} record written: ${file}`)
  io.out(`  下一步：用该纪元的私钥签名 / next: sign with this epoch's key: npx gongkai-feed sign ${file} --key …`)
  return 0
}
