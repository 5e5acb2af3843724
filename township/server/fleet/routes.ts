/** Fleet API (设备) and the village list. */
import { Hono } from 'hono'
import { one } from '../db/db'
import { badRequest, notFound } from '../errors'
import { mayUseVillage, requireRole } from '../auth/session'
import type { Ctx, Env } from '../context'
import { shanghaiDay } from '../days'
import { FLAGS, fleetOf, type FleetFlag } from './fleet'
import { msg } from '../../../src/i18n/message'

export function fleetRoutes(ctx: Ctx) {
  const app = new Hono<Env>()

  app.get('/villages', async (c) => {
    const u = requireRole(c, 'viewer')
    const rows = await ctx.db.query<{ code: string; name: string; township: string }>(
      'SELECT v.code, v.name, t.name AS township FROM villages v JOIN townships t ON t.code = v.township_code WHERE ($1::text[] IS NULL OR v.code = ANY($1::text[])) ORDER BY v.code',
      [u.villages],
    )
    return c.json(rows)
  })

  app.get('/fleet', async (c) => {
    const u = requireRole(c, 'viewer')
    const filter = c.req.query('filter')
    if (filter && !FLAGS.includes(filter as FleetFlag)) throw badRequest('input.invalid', msg('api.input_invalid.filter_behind_error_silent'))
    const all = await fleetOf(ctx.db, { villages: u.villages, now: ctx.now(), silentMinutes: null })
    const kiosks = filter ? all.filter((k) => k.flags.includes(filter as FleetFlag)) : all
    return c.json({ kiosks: kiosks.map(({ township: _t, latestPublishedAt: _p, ...k }) => k) })
  })

  app.get('/fleet/:id/history', async (c) => {
    const u = requireRole(c, 'viewer')
    const k = await one<{ village_code: string }>(ctx.db, 'SELECT village_code FROM kiosks WHERE id = $1', [c.req.param('id')])
    if (!k || !mayUseVillage(u, k.village_code)) throw notFound(msg('api.thing.kiosk'))
    const days = Math.max(1, Math.min(400, Number(c.req.query('days')) || 30))
    const today = shanghaiDay(ctx.now())
    const from = shanghaiDay(new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * 86_400_000))
    const rows = await ctx.db.query<{ day: string | Date; minutes_online: number; revisions: number[]; error_count: number }>(
      'SELECT day::text AS day, minutes_online, revisions, error_count FROM heartbeat_daily WHERE kiosk_id = $1 AND day >= $2 ORDER BY day',
      [c.req.param('id'), from],
    )
    const byDay = new Map(rows.map((r) => [typeof r.day === 'string' ? r.day : shanghaiDay(new Date(r.day.getTime() + 12 * 3600_000)), r]))
    const out = []
    for (let i = 0; i < days; i++) {
      const day = shanghaiDay(new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000))
      const r = byDay.get(day)
      out.push({ day, minutesOnline: r ? Number(r.minutes_online) : 0, revisions: r ? r.revisions.map(Number) : [], errorCount: r ? Number(r.error_count) : 0 })
    }
    return c.json({ days: out })
  })

  return app
}
