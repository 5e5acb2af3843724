/** First-run setup, sign-in and out, and user accounts (admin). */
import { Hono } from 'hono'
import * as v from 'valibot'
import { audit, type Actor } from '../audit'
import { one } from '../db/db'
import { ApiError, badRequest, notFound } from '../errors'
import { isObject, readJson } from '../http/body'
import { newToken, sha256Hex } from '../tokens'
import { ROLES, type Ctx, type Env, type Role } from '../context'
import { DUMMY_HASH, hashPassword, passwordProblem, verifyPassword } from './password'
import { actorOf, createSession, endSession, loadUser, requireRole } from './session'
import { checkLocked, recordFailure, clearFailures, lockedUntilOf } from './throttle'
import { msg } from '../../../src/i18n/message'

const MAX_BODY = 16 * 1024

export async function needsAdmin(ctx: Ctx): Promise<boolean> {
  return !(await one(ctx.db, "SELECT 1 FROM users WHERE role = 'admin' AND NOT disabled LIMIT 1"))
}

/** A fresh one-time setup token (earlier unused ones stop working); the caller prints the link. */
export async function issueSetupToken(ctx: Ctx): Promise<string> {
  const token = newToken()
  await ctx.db.tx(async (q) => {
    await q.query('DELETE FROM setup_tokens WHERE used_at IS NULL')
    await q.query('INSERT INTO setup_tokens (token_hash) VALUES ($1)', [sha256Hex(token)])
  })
  return token
}

const usernameSchema = v.pipe(v.string(), v.trim(), v.regex(/^[a-z0-9_.-]{2,40}$/i))
const displaySchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80))

/** `name` names the field in api.field.* */
function field<T>(schema: v.GenericSchema<unknown, T>, value: unknown, name: 'username' | 'displayName'): T {
  const r = v.safeParse(schema, value)
  if (!r.success) throw badRequest('input.invalid', { code: 'api.input_invalid.field', params: { field: msg(`api.field.${name}`) } }, { field: name })
  return r.output
}

function originOk(origin: string | undefined, url: string): boolean {
  if (!origin) return true // not a browser cross-site request (curl, tests); SameSite=Strict covers browsers
  return origin === new URL(url).origin
}

export function authRoutes(ctx: Ctx) {
  const app = new Hono<Env>()

  app.get('/setup', async (c) => c.json({ needsAdmin: await needsAdmin(ctx) }))

  app.post('/setup', async (c) => {
    const body = await readJson(c, MAX_BODY)
    if (!isObject(body)) throw badRequest('input.invalid', msg('api.input_invalid.body_object'))
    const token = typeof body.setupToken === 'string' ? body.setupToken : ''
    const username = field(usernameSchema, body.username, 'username')
    const displayName = field(displaySchema, body.displayName, 'displayName')
    const pwProblem = passwordProblem(body.password)
    if (pwProblem) throw badRequest('auth.weak_password', pwProblem)
    const hash = await hashPassword(body.password as string)
    const address = c.get('address')
    const out = await ctx.db.tx(async (q) => {
      const used = await q.query('UPDATE setup_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL RETURNING 1', [sha256Hex(token), ctx.now()])
      if (!used.length) throw new ApiError(403, 'setup.bad_token', msg('api.setup_bad_token'))
      if (await one(q, "SELECT 1 FROM users WHERE role = 'admin'")) throw new ApiError(409, 'setup.done', msg('api.setup_done'))
      const u = await one<{ id: number }>(q, "INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, 'admin', $3) RETURNING id", [username, displayName, hash])
      await audit(q, { name: username, kind: 'user', address }, 'setup.admin_created', `user:${username}`)
      const csrf = await createSession(q, c, Number(u!.id), address, ctx.now())
      return { id: Number(u!.id), csrf }
    })
    const user = await loadUser(ctx.db, out.id, out.csrf)
    return c.json({ user: publicUser(user!), csrfToken: out.csrf }, 201)
  })

  app.post('/auth/login', async (c) => {
    if (!originOk(c.req.header('origin'), c.req.url)) throw new ApiError(403, 'auth.bad_origin', msg('api.auth_bad_origin'))
    const body = await readJson(c, MAX_BODY)
    if (!isObject(body) || typeof body.username !== 'string' || typeof body.password !== 'string' || body.username.length > 40 || body.password.length > 200) {
      throw badRequest('input.invalid', msg('api.input_invalid.give_username_password'))
    }
    const username = body.username.trim()
    const address = c.get('address')
    const actor: Actor = { name: username, kind: 'user', address }
    try {
      await checkLocked(ctx, username, address)
    } catch (e) {
      await audit(ctx.db, actor, 'auth.login_locked', `user:${username}`)
      throw e
    }
    const u = await one<{ id: number; password_hash: string; disabled: boolean }>(ctx.db, 'SELECT id, password_hash, disabled FROM users WHERE username = $1', [username])
    const ok = await verifyPassword(body.password, u?.password_hash ?? DUMMY_HASH)
    if (!u || !ok || u.disabled) {
      const locked = await recordFailure(ctx, username, address)
      await audit(ctx.db, actor, 'auth.login_failed', `user:${username}`, locked ? { locked: true } : {})
      if (locked) throw locked
      throw new ApiError(401, 'auth.bad_credentials', msg('api.auth_bad_credentials'))
    }
    await clearFailures(ctx, username)
    const csrf = await ctx.db.tx(async (q) => {
      const t = await createSession(q, c, Number(u.id), address, ctx.now())
      await audit(q, actor, 'auth.login', `user:${username}`)
      return t
    })
    const user = await loadUser(ctx.db, Number(u.id), csrf)
    return c.json({ user: publicUser(user!), csrfToken: csrf })
  })

  app.post('/auth/logout', async (c) => {
    await endSession(ctx.db, c)
    await audit(ctx.db, actorOf(c), 'auth.logout', `user:${c.get('user').username}`)
    return c.body(null, 204)
  })

  app.get('/auth/me', (c) => {
    const u = c.get('user')
    return c.json({ user: publicUser(u), csrfToken: u.csrfToken })
  })

  // ------------------------------------------------------------ users (admin)

  const listUsers = async () => {
    const rows = await ctx.db.query<{ id: number; username: string; display_name: string; role: Role; disabled: boolean; villages: string[] | null }>(
      `SELECT u.id, u.username, u.display_name, u.role, u.disabled,
              (SELECT array_agg(village_code ORDER BY village_code) FROM user_villages WHERE user_id = u.id) AS villages
         FROM users u ORDER BY u.id`,
    )
    return Promise.all(
      rows.map(async (r) => ({
        id: Number(r.id),
        username: r.username,
        displayName: r.display_name,
        role: r.role,
        villages: r.villages ?? null,
        lockedUntil: await lockedUntilOf(ctx, r.username),
        disabled: r.disabled,
      })),
    )
  }

  app.get('/users', async (c) => {
    requireRole(c, 'admin')
    return c.json({ users: await listUsers() })
  })

  const villagesField = async (value: unknown): Promise<string[] | null> => {
    if (value === null || value === undefined) return null
    if (!Array.isArray(value) || value.length > 1000 || !value.every((x) => typeof x === 'string')) throw badRequest('input.invalid', msg('api.input_invalid.villages_list_village_codes'))
    const known = new Set((await ctx.db.query<{ code: string }>('SELECT code FROM villages')).map((r) => r.code))
    const unknown = value.filter((x) => !known.has(x))
    if (unknown.length) throw badRequest('village.unknown', msg('api.village_unknown.unknown_village_codes'), { unknown })
    return [...new Set(value as string[])]
  }
  const roleField = (value: unknown): Role => {
    if (!ROLES.includes(value as Role)) throw badRequest('input.invalid', msg('api.input_invalid.role_admin_editor_reviewer'), { field: 'role' })
    return value as Role
  }

  app.post('/users', async (c) => {
    requireRole(c, 'admin')
    const body = await readJson(c, MAX_BODY)
    if (!isObject(body)) throw badRequest('input.invalid', msg('api.input_invalid.body_object'))
    const username = field(usernameSchema, body.username, 'username')
    const displayName = field(displaySchema, body.displayName, 'displayName')
    const role = roleField(body.role)
    const villages = await villagesField(body.villages)
    const pw = passwordProblem(body.password)
    if (pw) throw badRequest('auth.weak_password', pw)
    const hash = await hashPassword(body.password as string)
    const id = await ctx.db.tx(async (q) => {
      if (await one(q, 'SELECT 1 FROM users WHERE username = $1', [username])) throw new ApiError(409, 'user.exists', msg('api.user_exists'))
      const u = await one<{ id: number }>(q, 'INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id', [username, displayName, role, hash])
      for (const vc of villages ?? []) await q.query('INSERT INTO user_villages (user_id, village_code) VALUES ($1, $2)', [u!.id, vc])
      await audit(q, actorOf(c), 'user.created', `user:${username}`, { role, villages })
      return Number(u!.id)
    })
    return c.json((await listUsers()).find((u) => u.id === id), 201)
  })

  app.patch('/users/:id', async (c) => {
    const me = requireRole(c, 'admin')
    const id = Number(c.req.param('id'))
    const body = await readJson(c, MAX_BODY)
    if (!isObject(body)) throw badRequest('input.invalid', msg('api.input_invalid.body_object'))
    const target = await one<{ username: string }>(ctx.db, 'SELECT username FROM users WHERE id = $1', [Number.isSafeInteger(id) ? id : -1])
    if (!target) throw notFound(msg('api.thing.user'))
    const changes: Record<string, unknown> = {}
    if ('displayName' in body) changes.displayName = field(displaySchema, body.displayName, 'displayName')
    if ('role' in body) changes.role = roleField(body.role)
    if ('villages' in body) changes.villages = await villagesField(body.villages)
    if ('disabled' in body) {
      if (typeof body.disabled !== 'boolean') throw badRequest('input.invalid', msg('api.input_invalid.disabled_boolean'))
      if (body.disabled && id === me.id) throw badRequest('user.self', msg('api.user_self'))
      changes.disabled = body.disabled
    }
    if ('lockedUntil' in body && body.lockedUntil === null) changes.unlock = true
    let hash: string | undefined
    if ('password' in body) {
      const pw = passwordProblem(body.password)
      if (pw) throw badRequest('auth.weak_password', pw)
      hash = await hashPassword(body.password as string)
    }
    await ctx.db.tx(async (q) => {
      if (changes.displayName !== undefined) await q.query('UPDATE users SET display_name = $2 WHERE id = $1', [id, changes.displayName])
      if (changes.role !== undefined) await q.query('UPDATE users SET role = $2 WHERE id = $1', [id, changes.role])
      if (changes.disabled !== undefined) {
        await q.query('UPDATE users SET disabled = $2 WHERE id = $1', [id, changes.disabled])
        if (changes.disabled) await q.query('DELETE FROM sessions WHERE user_id = $1', [id])
      }
      if ('villages' in changes) {
        await q.query('DELETE FROM user_villages WHERE user_id = $1', [id])
        for (const vc of (changes.villages as string[] | null) ?? []) await q.query('INSERT INTO user_villages (user_id, village_code) VALUES ($1, $2)', [id, vc])
      }
      if (hash) {
        await q.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, hash])
        await q.query('DELETE FROM sessions WHERE user_id = $1', [id])
      }
      if (changes.unlock) await q.query('DELETE FROM login_failures WHERE key = $1', [`user:${target.username}`])
      await audit(q, actorOf(c), 'user.changed', `user:${target.username}`, { ...changes, ...(hash ? { password: 'changed' } : {}) })
    })
    return c.json((await listUsers()).find((u) => u.id === id))
  })

  return app
}

export function publicUser(u: { id: number; username: string; displayName: string; role: Role; villages: string[] | null }) {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, villages: u.villages }
}
