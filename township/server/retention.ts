/**
 * Housekeeping, on start and then daily: raw heartbeats older than 90 days go
 * (their daily roll-ups stay), as do expired sessions and photo parts left
 * half-uploaded for a week; yesterday's ingest is summarised in the audit log.
 */
import { audit, SYSTEM } from './audit'
import { one } from './db/db'
import type { Ctx } from './context'
import { shanghaiDay } from './days'

export const RAW_HEARTBEAT_DAYS = 90

export async function runRetention(ctx: Ctx, now = ctx.now()) {
  const cutoff = new Date(now.getTime() - RAW_HEARTBEAT_DAYS * 86_400_000)
  const hb = await ctx.db.query('DELETE FROM heartbeats WHERE received_at < $1 RETURNING 1', [cutoff])
  await ctx.db.query('DELETE FROM sessions WHERE expires_at < $1', [now])
  await ctx.db.query('DELETE FROM photo_parts WHERE received_at < $1', [new Date(now.getTime() - 7 * 86_400_000)])
  await ctx.db.query('DELETE FROM login_failures WHERE (locked_until IS NULL OR locked_until < $1) AND first_at < $2', [now, new Date(now.getTime() - 86_400_000)])
  const yesterday = shanghaiDay(new Date(now.getTime() - 86_400_000))
  if (!(await one(ctx.db, "SELECT 1 FROM audit_log WHERE action = 'ingest.summary' AND target = $1", [`day:${yesterday}`]))) {
    const s = await one<{ kiosks: number; beats: number; errors: number }>(
      ctx.db,
      'SELECT count(*)::int AS kiosks, COALESCE(sum(beats), 0)::int AS beats, COALESCE(sum(error_count), 0)::int AS errors FROM heartbeat_daily WHERE day = $1',
      [yesterday],
    )
    const r = await one<{ n: number }>(ctx.db, "SELECT count(*)::int AS n FROM clerk_records WHERE received_at >= ($1::date - interval '8 hours') AND received_at < ($1::date + interval '16 hours')", [yesterday])
    await audit(ctx.db, SYSTEM, 'ingest.summary', `day:${yesterday}`, { kiosks: s?.kiosks ?? 0, heartbeats: s?.beats ?? 0, errors: s?.errors ?? 0, records: r?.n ?? 0 })
  }
  return { heartbeatsDeleted: hb.length }
}
