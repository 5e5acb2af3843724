/** Random secrets and their stored form (SHA-256 hex): tokens are shown once and kept hashed. */
import { createHash, randomBytes } from 'node:crypto'

export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url')
export const sha256Hex = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex')
