/**
 * Sign-in throttling and lockout, kept in the database (shared by every
 * console process): 10 wrong passwords for a username within 15 minutes lock
 * it for 15 minutes; 50 from one address lock that address. A success clears
 * the username's count.
 */
import { one } from '../db/db'
import { ApiError } from '../errors'
import type { Ctx } from '../context'
import { msg } from '../../../src/i18n/message'

export const USER_LIMIT = 10
export const ADDRESS_LIMIT = 50
const WINDOW_MS = 15 * 60_000
const LOCK_MS = 15 * 60_000

const locked = (until: Date, now: Date) =>
  new ApiError(
    429,
    'auth.locked',
    msg('api.auth_locked', { minutes: Math.ceil((until.getTime() - now.getTime()) / 60_000) }),
    { retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000) },
    { 'Retry-After': String(Math.ceil((until.getTime() - now.getTime()) / 1000)) },
  )

export async function checkLocked(ctx: Ctx, username: string, address: string): Promise<void> {
  const now = ctx.now()
  for (const key of [`user:${username}`, `addr:${address}`]) {
    const r = await one<{ locked_until: Date | null }>(ctx.db, 'SELECT locked_until FROM login_failures WHERE key = $1', [key])
    if (r?.locked_until && new Date(r.locked_until) > now) throw locked(new Date(r.locked_until), now)
  }
}

/** Counts a failure; returns the lockout error when this one crossed a limit. */
export async function recordFailure(ctx: Ctx, username: string, address: string): Promise<ApiError | null> {
  const now = ctx.now()
  let out: ApiError | null = null
  for (const [key, limit] of [[`user:${username}`, USER_LIMIT], [`addr:${address}`, ADDRESS_LIMIT]] as const) {
    const r = await one<{ failures: number }>(
      ctx.db,
      `INSERT INTO login_failures (key, failures, first_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_failures.first_at < $3 THEN 1 ELSE login_failures.failures + 1 END,
         first_at = CASE WHEN login_failures.first_at < $3 THEN $2 ELSE login_failures.first_at END
       RETURNING failures`,
      [key, now, new Date(now.getTime() - WINDOW_MS)],
    )
    if (r && r.failures >= limit) {
      const until = new Date(now.getTime() + LOCK_MS)
      await ctx.db.query('UPDATE login_failures SET locked_until = $2, failures = 0, first_at = $3 WHERE key = $1', [key, until, now])
      out ??= locked(until, now)
    }
  }
  return out
}

export async function clearFailures(ctx: Ctx, username: string): Promise<void> {
  await ctx.db.query('DELETE FROM login_failures WHERE key = $1', [`user:${username}`])
}

export async function lockedUntilOf(ctx: Ctx, username: string): Promise<string | null> {
  const r = await one<{ locked_until: Date | null }>(ctx.db, 'SELECT locked_until FROM login_failures WHERE key = $1', [`user:${username}`])
  return r?.locked_until && new Date(r.locked_until) > ctx.now() ? new Date(r.locked_until).toISOString() : null
}
