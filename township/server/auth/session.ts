/**
 * Sessions in the database (several console processes can share them): the
 * cookie holds a random id, the table its SHA-256. Every state-changing API
 * request carries X-CSRF-Token, the session's token.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import { getConnInfo } from '@hono/node-server/conninfo'
import { one, type Queryable } from '../db/db'
import { ApiError } from '../errors'
import { newToken, sha256Hex } from '../tokens'
import type { Ctx, Env, Role, SessionUser } from '../context'
import { msg } from '../../../src/i18n/message'

export const COOKIE = 'gk_session'
export const SESSION_HOURS = 12

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** paths that run before there is a session */
const OPEN = new Set(['/api/setup', '/api/auth/login'])

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (fwd) return fwd
  }
  try {
    return getConnInfo(c).remote.address ?? ''
  } catch {
    return ''
  }
}

export async function createSession(q: Queryable, c: Context, userId: number, address: string, now: Date): Promise<string> {
  const id = newToken()
  const csrf = newToken(24)
  await q.query('INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at, address, created_at, last_seen) VALUES ($1, $2, $3, $4, $5, $6, $6)', [
    sha256Hex(id),
    userId,
    csrf,
    new Date(now.getTime() + SESSION_HOURS * 3600_000),
    address,
    now,
  ])
  setCookie(c, COOKIE, id, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: SESSION_HOURS * 3600, secure: c.req.url.startsWith('https:') })
  return csrf
}

export async function endSession(q: Queryable, c: Context): Promise<void> {
  const id = getCookie(c, COOKIE)
  if (id) await q.query('DELETE FROM sessions WHERE id_hash = $1', [sha256Hex(id)])
  deleteCookie(c, COOKIE, { path: '/' })
}

// a user and their villages in one row (one round trip); the middleware adds the session to the same query
const USER_COLUMNS = `u.id, u.username, u.display_name, u.role, u.disabled,
  ARRAY(SELECT uv.village_code FROM user_villages uv WHERE uv.user_id = u.id ORDER BY uv.village_code) AS villages`
type UserRow = { id: number; username: string; display_name: string; role: Role; disabled: boolean; villages: string[] | null }

function userOf(u: UserRow | undefined, csrfToken: string): SessionUser | undefined {
  if (!u || u.disabled) return undefined
  const vs = u.villages ?? []
  return { id: Number(u.id), username: u.username, displayName: u.display_name, role: u.role, villages: vs.length ? vs : null, csrfToken }
}

export async function loadUser(q: Queryable, userId: number, csrfToken: string): Promise<SessionUser | undefined> {
  return userOf(await one<UserRow>(q, `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [userId]), csrfToken)
}

export const authRequired = () => new ApiError(401, 'auth.required', msg('api.auth_required'))

/** Sets c.var.address on every API request; outside the open paths, a session and (for changes) its CSRF token. */
export function sessionMiddleware(ctx: Ctx): MiddlewareHandler<Env> {
  return async (c, next) => {
    c.set('address', clientAddress(c, ctx.config.trustProxy))
    const path = c.req.path
    if (path.startsWith('/api/kiosk/') || OPEN.has(path)) return next()
    const changing = STATE_CHANGING.has(c.req.method)
    const header = c.req.header('x-csrf-token')
    if (changing && !header) throw new ApiError(403, 'csrf.missing', msg('api.csrf_missing'))
    const id = getCookie(c, COOKIE)
    if (!id) throw authRequired()
    const s = await one<UserRow & { csrf_token: string }>(
      ctx.db,
      `SELECT s.csrf_token, ${USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1 AND s.expires_at > $2`,
      [sha256Hex(id), ctx.now()],
    )
    if (!s) throw authRequired()
    if (changing && header !== s.csrf_token) throw new ApiError(403, 'csrf.bad', msg('api.csrf_bad'))
    const user = userOf(s, s.csrf_token)
    if (!user) throw authRequired()
    c.set('user', user)
    return next()
  }
}

const RANK: Record<Role, number> = { viewer: 1, editor: 2, reviewer: 2, admin: 3 }

export function requireRole(c: Context<Env>, role: Role): SessionUser {
  const u = c.get('user')
  if (!u) throw authRequired()
  if (RANK[u.role] < RANK[role] || (role !== 'admin' && RANK[role] === 2 && u.role !== role && u.role !== 'admin')) {
    throw new ApiError(403, 'auth.forbidden', msg('api.auth_forbidden'), { need: role })
  }
  return u
}

/** A village limit: may this user see/act on `village`? */
export function mayUseVillage(u: SessionUser, village: string): boolean {
  return u.villages === null || u.villages.includes(village)
}

export function actorOf(c: Context<Env>) {
  const u = c.get('user')
  return { name: u?.username ?? 'anonymous', kind: 'user' as const, address: c.get('address') }
}
