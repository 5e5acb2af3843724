/** Kiosk enrolment (admin): add a kiosk and get its config.json, rotate its token, revoke it. */
import { Hono } from 'hono'
import { randomBytes } from 'node:crypto'
import { audit } from '../audit'
import { one, type Queryable } from '../db/db'
import { ApiError, badRequest, notFound } from '../errors'
import { isObject, readJson } from '../http/body'
import { forgetKioskTokens } from '../ingest/kioskAuth'
import { newToken, sha256Hex } from '../tokens'
import type { Ctx, Env } from '../context'
import type { EnrolmentConfig as KioskConfig } from '../../../src/config/enrolment'
import { actorOf, mayUseVillage, requireRole } from '../auth/session'
import { msg } from '../../../src/i18n/message'

export type { EnrolmentConfig as KioskConfig } from '../../../src/config/enrolment'

export async function kioskConfig(ctx: Ctx, q: Queryable, kioskId: string, villageCode: string, token: string): Promise<KioskConfig> {
  const v = await one<{ township_code: string }>(q, 'SELECT township_code FROM villages WHERE code = $1', [villageCode])
  const key = await ctx.signer.current(q, v!.township_code)
  const base = ctx.config.baseUrl
  return {
    feedUrl: `${base}/feeds/${villageCode}/feed.json`,
    publicKey: key.publicKey,
    statusUrl: `${base}/api/kiosk/heartbeat`,
    clerkUploadUrl: `${base}/api/kiosk/records`,
    kioskId,
    kioskToken: token,
    villageCode,
    pollSeconds: 300,
    locale: 'zh-CN',
  }
}

/** Enrols a kiosk (also the demo seed's path). */
export async function enrolKiosk(ctx: Ctx, q: Queryable, o: { villageCode: string; place: string; userId: number | null }): Promise<{ kiosk: KioskView; config: KioskConfig }> {
  const id = `gk-${o.villageCode}-${randomBytes(4).toString('hex')}`
  const token = newToken()
  await q.query('INSERT INTO kiosks (id, village_code, place, token_hash, enrolled_by, enrolled_at) VALUES ($1, $2, $3, $4, $5, $6)', [id, o.villageCode, o.place, sha256Hex(token), o.userId, ctx.now()])
  return { kiosk: (await kioskViews(q, id))[0]!, config: await kioskConfig(ctx, q, id, o.villageCode, token) }
}

export interface KioskView {
  id: string
  villageCode: string
  villageName: string
  place: string
  enrolledAt: string
  tokenRotatedAt: string | null
  revokedAt: string | null
}

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null)

async function kioskViews(q: Queryable, id?: string): Promise<KioskView[]> {
  const rows = await q.query<{ id: string; village_code: string; name: string; place: string; enrolled_at: Date; token_rotated_at: Date | null; revoked_at: Date | null }>(
    `SELECT k.id, k.village_code, v.name, k.place, k.enrolled_at, k.token_rotated_at, k.revoked_at
       FROM kiosks k JOIN villages v ON v.code = k.village_code ${id ? 'WHERE k.id = $1' : ''} ORDER BY v.code, k.enrolled_at`,
    id ? [id] : [],
  )
  return rows.map((r) => ({ id: r.id, villageCode: r.village_code, villageName: r.name, place: r.place, enrolledAt: iso(r.enrolled_at)!, tokenRotatedAt: iso(r.token_rotated_at), revokedAt: iso(r.revoked_at) }))
}

export function kioskRoutes(ctx: Ctx) {
  const app = new Hono<Env>()

  app.get('/', async (c) => {
    const u = requireRole(c, 'admin')
    return c.json({ kiosks: (await kioskViews(ctx.db)).filter((k) => mayUseVillage(u, k.villageCode)) })
  })

  app.post('/', async (c) => {
    const u = requireRole(c, 'admin')
    const body = await readJson(c, 16 * 1024)
    if (!isObject(body) || typeof body.villageCode !== 'string') throw badRequest('input.invalid', msg('api.input_invalid.choose_village'), { field: 'villageCode' })
    const place = typeof body.place === 'string' ? body.place.trim() : ''
    if (!place || place.length > 100) throw badRequest('input.invalid', msg('api.input_invalid.give_place_up_100'), { field: 'place' })
    const villageCode = body.villageCode
    if (!(await one(ctx.db, 'SELECT 1 FROM villages WHERE code = $1', [villageCode])) || !mayUseVillage(u, villageCode)) throw badRequest('village.unknown', msg('api.village_unknown.no_such_village'), { field: 'villageCode' })
    const out = await ctx.db.tx(async (q) => {
      const r = await enrolKiosk(ctx, q, { villageCode, place, userId: u.id })
      await audit(q, actorOf(c), 'kiosk.enrolled', `kiosk:${r.kiosk.id}`, { villageCode, place })
      return r
    })
    return c.json(out, 201)
  })

  const find = async (id: string) => {
    const k = (await kioskViews(ctx.db, id))[0]
    if (!k) throw notFound(msg('api.thing.kiosk'))
    return k
  }

  app.post('/:id/token', async (c) => {
    const u = requireRole(c, 'admin')
    const k = await find(c.req.param('id'))
    if (!mayUseVillage(u, k.villageCode)) throw notFound(msg('api.thing.kiosk'))
    if (k.revokedAt) throw new ApiError(409, 'kiosk.revoked', msg('api.kiosk_revoked'))
    const token = newToken()
    const out = await ctx.db.tx(async (q) => {
      await q.query('UPDATE kiosks SET token_hash = $2, token_rotated_at = $3 WHERE id = $1', [k.id, sha256Hex(token), ctx.now()])
      await audit(q, actorOf(c), 'kiosk.token_rotated', `kiosk:${k.id}`)
      return { kiosk: (await kioskViews(q, k.id))[0]!, config: await kioskConfig(ctx, q, k.id, k.villageCode, token) }
    })
    forgetKioskTokens()
    return c.json(out)
  })

  app.post('/:id/revoke', async (c) => {
    const u = requireRole(c, 'admin')
    const k = await find(c.req.param('id'))
    if (!mayUseVillage(u, k.villageCode)) throw notFound(msg('api.thing.kiosk'))
    await ctx.db.tx(async (q) => {
      await q.query('UPDATE kiosks SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1', [k.id, ctx.now()])
      await audit(q, actorOf(c), 'kiosk.revoked', `kiosk:${k.id}`)
    })
    forgetKioskTokens()
    return c.body(null, 204)
  })

  return app
}
