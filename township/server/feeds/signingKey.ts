/**
 * The township's Ed25519 signing key. Created on first run (the CLI's
 * newKeyPair), stored in `keys` encrypted with AES-256-GCM under a master key:
 * TOWNSHIP_SECRET (any long string, hashed to 32 bytes) or, without it, a
 * random key file `township-secret.key` in the data folder (mode 600).
 * A database copied without the master key holds no usable signing key.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { newKeyPair, signBytes } from '../../../cli/commands/keys'
import { one, type Queryable } from '../db/db'

export const SECRET_FILE = 'township-secret.key'

export function masterKey(o: { secret?: string; dataDir: string }): Buffer {
  if (o.secret) return createHash('sha256').update(o.secret, 'utf8').digest()
  const path = join(o.dataDir, SECRET_FILE)
  if (!existsSync(path)) {
    mkdirSync(o.dataDir, { recursive: true })
    writeFileSync(path, randomBytes(32).toString('base64') + '\n', { mode: 0o600 })
    chmodSync(path, 0o600)
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')
  if (key.length !== 32) throw new Error(`${path}: not a 32-byte key`)
  return key
}

function encrypt(master: Buffer, plain: Uint8Array): string {
  const iv = randomBytes(12)
  const c = createCipheriv('aes-256-gcm', master, iv)
  const body = Buffer.concat([c.update(plain), c.final()])
  return ['v1', iv.toString('base64'), c.getAuthTag().toString('base64'), body.toString('base64')].join('.')
}

function decrypt(master: Buffer, stored: string): Uint8Array {
  const [v, iv, tag, body] = stored.split('.')
  if (v !== 'v1' || !iv || !tag || !body) throw new Error('unknown key format')
  const d = createDecipheriv('aes-256-gcm', master, Buffer.from(iv, 'base64'))
  d.setAuthTag(Buffer.from(tag, 'base64'))
  return new Uint8Array(Buffer.concat([d.update(Buffer.from(body, 'base64')), d.final()]))
}

export interface Signer {
  /** the current key of a township, created when it has none */
  current(q: Queryable, township: string): Promise<{ id: number; publicKey: string }>
  sign(q: Queryable, township: string, bytes: Uint8Array): Promise<{ keyId: number; signature: string }>
}

export function makeSigner(master: Buffer): Signer {
  const currentRow = async (q: Queryable, township: string) => {
    const found = await one<{ id: number; public_key: string; secret_encrypted: string }>(
      q,
      'SELECT id, public_key, secret_encrypted FROM keys WHERE township_code = $1 AND retired_at IS NULL ORDER BY id DESC LIMIT 1',
      [township],
    )
    if (found) return found
    const { secret, publicKey } = await newKeyPair()
    return (await one<{ id: number; public_key: string; secret_encrypted: string }>(
      q,
      'INSERT INTO keys (township_code, public_key, secret_encrypted) VALUES ($1, $2, $3) RETURNING id, public_key, secret_encrypted',
      [township, Buffer.from(publicKey).toString('base64'), encrypt(master, secret)],
    ))!
  }
  return {
    async current(q, township) {
      const r = await currentRow(q, township)
      return { id: Number(r.id), publicKey: r.public_key }
    },
    async sign(q, township, bytes) {
      const r = await currentRow(q, township)
      const sig = await signBytes(bytes, decrypt(master, r.secret_encrypted))
      return { keyId: Number(r.id), signature: Buffer.from(sig).toString('base64') }
    },
  }
}
