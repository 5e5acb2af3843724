/**
 * Storing heartbeats: the raw JSON plus the columns the fleet page reads,
 * each kiosk's latest row and its day's roll-up. Heartbeats that arrive while
 * a write is under way are stored together in the next transaction (group
 * commit: one statement for the whole batch), and each request is
 * answered only once its batch is committed. A repeat (kiosk, id) inserts
 * nothing and changes nothing.
 *
 * Heartbeats are telemetry, so their statement commits with
 * synchronous_commit off (for that one transaction only, never the session):
 * the answer does not wait for the WAL flush. If the database server itself
 * crashes, the last ~0.6 s of acknowledged heartbeats may be lost (the kiosk
 * will not resend them; the next one, 10 minutes on, brings the fleet row up
 * to date), but the database stays consistent. Clerk records and everything
 * else commit normally and are durable when acknowledged.
 */
import type { Db, Queryable } from '../db/db'
import type { Heartbeat } from '../../../src/fleet/heartbeat'
import { shanghaiDay } from '../days'

/** minutes a heartbeat stands for (the kiosk sends one every 10 minutes) */
export const MINUTES_PER_BEAT = 10
const MAX_BATCH = 500

interface Pending {
  kioskId: string
  hb: Heartbeat
  receivedAt: Date
}

/** The day a heartbeat counts for: when it was made (a backlog sent after an outage), unless the kiosk's clock is off. */
function dayOf(hb: Heartbeat, receivedAt: Date): string {
  const made = new Date(hb.createdAt)
  const age = receivedAt.getTime() - made.getTime()
  return shanghaiDay(hb.clockOk && age >= 0 && age < 2 * 86_400_000 ? made : receivedAt)
}

const COLUMNS = `kiosk_id text, id text, received_at timestamptz, created_at timestamptz, app_version text, content_revision integer,
  last_error jsonb, storage_used bigint, storage_quota bigint, clock_ok boolean, raw jsonb`

/**
 * Stores a batch in one statement (data-modifying CTEs: atomic without a
 * transaction, one round trip instead of five); returns how many were new.
 * Only the rows the INSERT really added reach kiosk_latest and the roll-up,
 * so a repeat changes nothing.
 */
export async function storeHeartbeats(q: Queryable, batch: Pending[]): Promise<number> {
  const seen = new Set<string>()
  const rows = []
  for (const { kioskId, hb, receivedAt } of batch) {
    const key = `${kioskId}\n${hb.id}`
    if (seen.has(key)) continue
    seen.add(key)
    rows.push({ kiosk_id: kioskId, id: hb.id, received_at: receivedAt.toISOString(), created_at: hb.createdAt, app_version: hb.appVersion, content_revision: hb.contentRevision, last_error: hb.lastError, storage_used: hb.storageUsed, storage_quota: hb.storageQuota, clock_ok: hb.clockOk, raw: hb, day: dayOf(hb, receivedAt) })
  }
  if (!rows.length) return 0
  const r = await q.query<{ n: number }>(
    `WITH x AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${COLUMNS}, day date)),
     ins AS (
       INSERT INTO heartbeats (kiosk_id, id, received_at, created_at, app_version, content_revision, last_error, storage_used, storage_quota, clock_ok, raw)
       SELECT kiosk_id, id, received_at, created_at, app_version, content_revision, last_error, storage_used, storage_quota, clock_ok, raw FROM x
       ON CONFLICT (kiosk_id, id) DO NOTHING RETURNING kiosk_id, id),
     added AS (SELECT x.* FROM x JOIN ins USING (kiosk_id, id)),
     latest AS (
       -- the newest of each kiosk (ids are time-ordered), unless the stored one is newer
       INSERT INTO kiosk_latest (kiosk_id, heartbeat_id, received_at, created_at, app_version, content_revision, last_error, storage_used, storage_quota, clock_ok)
       SELECT DISTINCT ON (kiosk_id) kiosk_id, id, received_at, created_at, app_version, content_revision, last_error, storage_used, storage_quota, clock_ok
         FROM added ORDER BY kiosk_id, id COLLATE "C" DESC
       ON CONFLICT (kiosk_id) DO UPDATE SET heartbeat_id = EXCLUDED.heartbeat_id, received_at = EXCLUDED.received_at, created_at = EXCLUDED.created_at,
         app_version = EXCLUDED.app_version, content_revision = EXCLUDED.content_revision, last_error = EXCLUDED.last_error,
         storage_used = EXCLUDED.storage_used, storage_quota = EXCLUDED.storage_quota, clock_ok = EXCLUDED.clock_ok
       WHERE kiosk_latest.heartbeat_id <= EXCLUDED.heartbeat_id),
     daily AS (
       -- the day's roll-up, summed per kiosk and day
       INSERT INTO heartbeat_daily (kiosk_id, day, first_seen, last_seen, beats, minutes_online, revisions, error_count)
       SELECT kiosk_id, day, min(received_at), max(received_at), count(*), LEAST(1440, count(*) * ${MINUTES_PER_BEAT}),
              COALESCE(array_agg(DISTINCT content_revision ORDER BY content_revision) FILTER (WHERE content_revision IS NOT NULL), '{}'),
              count(*) FILTER (WHERE last_error IS NOT NULL AND last_error <> 'null'::jsonb)
         FROM added GROUP BY kiosk_id, day ORDER BY kiosk_id, day
       ON CONFLICT (kiosk_id, day) DO UPDATE SET
         first_seen = LEAST(heartbeat_daily.first_seen, EXCLUDED.first_seen),
         last_seen = GREATEST(heartbeat_daily.last_seen, EXCLUDED.last_seen),
         beats = heartbeat_daily.beats + EXCLUDED.beats,
         minutes_online = LEAST(1440, heartbeat_daily.minutes_online + EXCLUDED.minutes_online),
         revisions = ARRAY(SELECT DISTINCT r FROM unnest(heartbeat_daily.revisions || EXCLUDED.revisions) AS r ORDER BY r),
         error_count = heartbeat_daily.error_count + EXCLUDED.error_count)
     -- is_local: this statement's own transaction; read at its commit
     SELECT (SELECT count(*)::int FROM ins) AS n, set_config('synchronous_commit', 'off', true) AS relaxed`,
    [JSON.stringify(rows)],
    // parsing and planning this statement cost PostgreSQL more than storing a batch of 16
    { prepare: 'store_heartbeats' },
  )
  return Number(r[0]?.n ?? 0)
}

/** The group-commit writer: write() resolves once the heartbeat is committed. */
export function heartbeatWriter(db: Db) {
  let queue: (Pending & { done: (e?: unknown) => void })[] = []
  let running = false
  const drain = async () => {
    running = true
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH)
      queue = queue.slice(MAX_BATCH)
      try {
        await storeHeartbeats(db, batch)
        for (const b of batch) b.done()
      } catch {
        // one bad heartbeat (say, of a kiosk deleted meanwhile) must not fail the others: each on its own
        for (const b of batch) await storeHeartbeats(db, [b]).then(() => b.done(), (e) => b.done(e ?? new Error('store failed')))
      }
    }
    running = false
  }
  return {
    write(kioskId: string, hb: Heartbeat, receivedAt: Date): Promise<void> {
      return new Promise((resolve, reject) => {
        queue.push({ kioskId, hb, receivedAt, done: (e) => (e ? reject(e) : resolve()) })
        // not at once: the requests whose bytes have already arrived are read first (setImmediate
        // runs after this turn's I/O), so an idle writer starts with a batch, not a batch of one
        if (!running) {
          running = true
          setImmediate(() => void drain())
        }
      })
    },
  }
}
