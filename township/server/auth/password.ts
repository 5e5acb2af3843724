/** Password hashes: scrypt (node:crypto), salted, parameters stored with the hash. */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

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

export function passwordProblem(pw: unknown): { zh: string; en: string } | null {
  if (typeof pw !== 'string' || pw.length < 10) return { zh: '密码至少 10 个字符', en: 'the password needs at least 10 characters' }
  if (pw.length > 200) return { zh: '密码过长（最多 200 个字符）', en: 'the password is too long (200 characters at most)' }
  return null
}
