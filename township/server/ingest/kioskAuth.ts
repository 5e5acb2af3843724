/**
 * Kiosk tokens: looked up by their SHA-256; unknown or revoked → 401 and
 * nothing stored. A short in-process cache saves a query per heartbeat; revoking
 * or rotating clears it here (another console process notices within CACHE_MS).
 */
import { one } from '../db/db'
import { ApiError } from '../errors'
import { sha256Hex } from '../tokens'
import type { Ctx } from '../context'
import { msg } from '../../../src/i18n/message'

export interface KioskRow {
  id: string
  villageCode: string
}

const CACHE_MS = 5_000
const cache = new Map<string, { kiosk: KioskRow | null; at: number }>()

export const badToken = () => new ApiError(401, 'kiosk.bad_token', msg('api.kiosk_bad_token'))

export function forgetKioskTokens(): void {
  cache.clear()
}

export async function kioskByToken(ctx: Ctx, token: unknown): Promise<KioskRow> {
  if (typeof token !== 'string' || token.length < 20 || token.length > 200) throw badToken()
  const hash = sha256Hex(token)
  const now = Date.now()
  const hit = cache.get(hash)
  if (hit && now - hit.at < CACHE_MS) {
    if (!hit.kiosk) throw badToken()
    return hit.kiosk
  }
  const r = await one<{ id: string; village_code: string }>(ctx.db, 'SELECT id, village_code FROM kiosks WHERE token_hash = $1 AND revoked_at IS NULL', [hash])
  const kiosk = r ? { id: r.id, villageCode: r.village_code } : null
  if (cache.size > 10_000) cache.clear()
  cache.set(hash, { kiosk, at: now })
  if (!kiosk) throw badToken()
  return kiosk
}

export function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  return m?.[1]
}
