/**
 * The clerk PIN, stored only as a salted PBKDF2-SHA-256 hash (WebCrypto).
 * Stored form, also what config.json `clerkPinHash` carries:
 *   pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>
 * e.g. pbkdf2-sha256$200000$q1xW…==$3mP0…=  (16-byte salt, 32-byte hash)
 */
export const PIN_ITERATIONS = 200_000
/** a new PIN has at least 6 digits (issue 18 item 8: 4 digits fall to an offline search in minutes) */
export const PIN_MIN_LENGTH = 6
/** entering a PIN set before that rule still takes 4 */
export const PIN_ENTRY_MIN_LENGTH = 4
export const PIN_MAX_LENGTH = 8
const PREFIX = 'pbkdf2-sha256'
const HASH_BYTES = 32

export interface PinHash {
  iterations: number
  salt: Uint8Array
  hash: Uint8Array
}

export function isWellFormedPin(pin: string): boolean {
  return new RegExp(`^\\d{${PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`).test(pin)
}

function toB64(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s)
}

function fromB64(s: string): Uint8Array | null {
  try {
    const bin = atob(s)
    const out = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
    return out
  } catch {
    return null
  }
}

export function formatPinHash(h: PinHash): string {
  return `${PREFIX}$${h.iterations}$${toB64(h.salt)}$${toB64(h.hash)}`
}

/** null when the text is not a hash this kiosk accepts (unknown scheme, too few iterations, bad base64) */
export function parsePinHash(text: string): PinHash | null {
  const parts = text.trim().split('$')
  if (parts.length !== 4 || parts[0] !== PREFIX || !/^\d+$/.test(parts[1]!)) return null
  const iterations = Number(parts[1])
  const salt = fromB64(parts[2]!)
  const hash = fromB64(parts[3]!)
  if (iterations < PIN_ITERATIONS || !salt || salt.length < 8 || !hash || hash.length !== HASH_BYTES) return null
  return { iterations, salt, hash }
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, HASH_BYTES * 8)
  return new Uint8Array(bits)
}

export async function hashPin(pin: string, opts: { iterations?: number; salt?: Uint8Array } = {}): Promise<string> {
  const iterations = opts.iterations ?? PIN_ITERATIONS
  const salt = opts.salt ?? crypto.getRandomValues(new Uint8Array(16))
  return formatPinHash({ iterations, salt, hash: await derive(pin, salt, iterations) })
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const h = parsePinHash(stored)
  if (!h) return false
  const got = await derive(pin, h.salt, h.iterations)
  // compare every byte: no early exit that would time the match
  let diff = 0
  for (let i = 0; i < HASH_BYTES; i++) diff |= got[i]! ^ h.hash[i]!
  return diff === 0
}

/**
 * The PIN hash in force: the township's provisioned one (config clerkPinHash)
 * wins, so it can also reset a forgotten PIN; otherwise the one set on this
 * kiosk. A malformed hash counts as none. null: the PIN is set on first use.
 */
export function pinHashInForce(provisioned: string | undefined, stored: string | undefined): string | null {
  if (provisioned && parsePinHash(provisioned)) return provisioned
  if (stored && parsePinHash(stored)) return stored
  return null
}
