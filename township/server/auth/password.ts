/** Password hashes: scrypt (node:crypto), salted, parameters stored with the hash. */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { msg, type Message } from '../../../src/i18n/message'

const scrypt = (pw: string, salt: Buffer, len: number, o: ScryptOptions) =>
  new Promise<Buffer>((res, rej) => scryptCb(pw, salt, len, o, (e, k) => (e ? rej(e) : res(k))))

const N = 16384
const r = 8
const p = 1

export async function hashPassword(pw: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(pw, salt, 32, { N, r, p })
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifyPassword(pw: string, stored: string): Promise<boolean> {
  const [alg, n, rr, pp, salt, key] = stored.split('$')
  if (alg !== 'scrypt' || !salt || !key) return false
  const want = Buffer.from(key, 'base64')
  const got = await scrypt(pw, Buffer.from(salt, 'base64'), want.length, { N: Number(n), r: Number(rr), p: Number(pp) })
  return timingSafeEqual(got, want)
}

/** A hash of nothing, checked when the user does not exist so both answers take as long. */
export const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='

export function passwordProblem(pw: unknown): Message | null {
  if (typeof pw !== 'string' || pw.length < 10) return msg('api.auth_weak_password.too_short')
  if (pw.length > 200) return msg('api.auth_weak_password.too_long')
  return null
}
