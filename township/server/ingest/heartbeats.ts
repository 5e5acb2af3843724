/**
 * Storing one heartbeat: the raw JSON plus the columns the fleet page reads,
 * the kiosk's latest row and its day's roll-up, in one transaction. A repeat
 * id inserts nothing and changes nothing.
 */
import type { Db } from '../db/db'
import type { Heartbeat } from '../../../src/fleet/heartbeat'
import { shanghaiDay } from '../days'

/** minutes a heartbeat stands for (the kiosk sends one every 10 minutes) */
export const MINUTES_PER_BEAT = 10

export async function storeHeartbeat(db: Db, kioskId: string, hb: Heartbeat, receivedAt: Date): Promise<boolean> {
  return db.tx(async (q) => {
    const ins = await q.query(
      `INSERT INTO heartbeats (kiosk_id, id, received_at, created_at, app_version, content_revision, last_error, storage_used, storage_quota, clock_ok, raw)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (kiosk_id, id) DO NOTHING RETURNING 1`,
      [kioskId, hb.id, receivedAt, hb.createdAt, hb.appVersion, hb.contentRevision, hb.lastError ? JSON.stringify(hb.lastError) : null, hb.storageUsed, hb.storageQuota, hb.clockOk, JSON.stringify(hb)],
    )
    if (!ins.length) return false
    await q.query(
      `INSERT INTO kiosk_latest (kiosk_id, heartbeat_id, received_at, created_at, app_version, content_revision, last_error, storage_used, storage_quota, clock_ok)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (kiosk_id) DO UPDATE SET heartbeat_id = EXCLUDED.heartbeat_id, received_at = EXCLUDED.received_at, created_at = EXCLUDED.created_at,
         app_version = EXCLUDED.app_version, content_revision = EXCLUDED.content_revision, last_error = EXCLUDED.last_error,
         storage_used = EXCLUDED.storage_used, storage_quota = EXCLUDED.storage_quota, clock_ok = EXCLUDED.clock_ok
       WHERE kiosk_latest.heartbeat_id <= EXCLUDED.heartbeat_id`,
      [kioskId, hb.id, receivedAt, hb.createdAt, hb.appVersion, hb.contentRevision, hb.lastError ? JSON.stringify(hb.lastError) : null, hb.storageUsed, hb.storageQuota, hb.clockOk],
    )
    const rev = hb.contentRevision === null ? [] : [hb.contentRevision]
    await q.query(
      `INSERT INTO heartbeat_daily (kiosk_id, day, first_seen, last_seen, beats, minutes_online, revisions, error_count)
       VALUES ($1, $2, $3, $3, 1, $4, $5::integer[], $6)
       ON CONFLICT (kiosk_id, day) DO UPDATE SET
         first_seen = LEAST(heartbeat_daily.first_seen, EXCLUDED.first_seen),
         last_seen = GREATEST(heartbeat_daily.last_seen, EXCLUDED.last_seen),
         beats = heartbeat_daily.beats + 1,
         minutes_online = LEAST(1440, heartbeat_daily.minutes_online + $4),
         revisions = CASE WHEN EXCLUDED.revisions <@ heartbeat_daily.revisions THEN heartbeat_daily.revisions ELSE heartbeat_daily.revisions || EXCLUDED.revisions END,
         error_count = heartbeat_daily.error_count + EXCLUDED.error_count`,
      [kioskId, shanghaiDay(dayOf(hb, receivedAt)), receivedAt, MINUTES_PER_BEAT, rev, hb.lastError ? 1 : 0],
    )
    return true
  })
}

/** The day a heartbeat counts for: when it was made (a backlog sent after an outage), unless the kiosk's clock is off. */
function dayOf(hb: Heartbeat, receivedAt: Date): Date {
  const made = new Date(hb.createdAt)
  const age = receivedAt.getTime() - made.getTime()
  return hb.clockOk && age >= 0 && age < 2 * 86_400_000 ? made : receivedAt
}
