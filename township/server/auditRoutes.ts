/** The audit log page's API (admin): newest first, 50 a page, filtered by action. */
import { Hono } from 'hono'
import { requireRole } from './auth/session'
import type { Ctx, Env } from './context'

export const AUDIT_PAGE = 50

export function auditRoutes(ctx: Ctx) {
  const app = new Hono<Env>()
  app.get('/', async (c) => {
    requireRole(c, 'admin')
    const page = Math.max(1, Math.min(100_000, Number(c.req.query('page')) || 1))
    const action = c.req.query('action')?.slice(0, 80) || null
    const where = action ? 'WHERE action = $1 OR action LIKE $2' : ''
    const params = action ? [action, `${action}.%`] : []
    const rows = await ctx.db.query<{ at: Date; actor: string; actor_kind: string; action: string; target: string; details: unknown; address: string }>(
      `SELECT at, actor, actor_kind, action, target, details, address FROM audit_log ${where} ORDER BY id DESC LIMIT ${AUDIT_PAGE} OFFSET ${(page - 1) * AUDIT_PAGE}`,
      params,
    )
    const total = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log ${where}`, params)
    return c.json({
      entries: rows.map((r) => ({ at: new Date(r.at).toISOString(), actor: r.actor, actorKind: r.actor_kind, action: r.action, target: r.target, details: r.details, address: r.address })),
      total: Number(total[0]?.n ?? 0),
    })
  })
  return app
}
