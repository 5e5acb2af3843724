/**
 * Storing heartbeats: the raw JSON plus the columns the fleet page reads,
 * each kiosk's latest row and its day's roll-up. Heartbeats that arrive while
 * a write is under way are stored together in the next transaction (group
 * commit: three statements for the whole batch), and each request is
 * answered only once its batch is committed. A repeat (kiosk, id) inserts
 * nothing and changes nothing.
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

/** Stores a batch in one transaction; returns how many were new. */
export async function storeHeartbeats(q: Queryable, batch: Pending[]): Promise<number> {
  const seen = new Set<string>()
  const rows = []
  for (const { kioskId, hb, receivedAt } of batch) {
    const key = `${kioskId}\n${hb.id}`
    if (seen.has(key)) continue
    seen.add(key)
    rows.push({ kiosk_id: kioskId, id: hb.id, received_at: receivedAt.toISOString(), created_at: hb.createdAt, app_version: hb.appVersion, content_revision: hb.contentRevision, last_error: hb.lastError, storage_used: hb.storageUsed, storage_quota: hb.storageQuota, clock_ok: hb.clockOk, raw: hb, day: dayOf(hb, receivedAt) })
  }
  const inserted = await q.query<{ kiosk_id: string; id: string }>(
    `INSERT INTO heartbeats (kiosk_id, id, received_at, created_at, app_version, content_revision, last_error, storage_used, storage_quota, clock_ok, raw)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${COLUMNS}) ON CONFLICT (kiosk_id, id) DO NOTHING RETURNING kiosk_id, id`,
    [JSON.stringify(rows.map(({ day: _d, ...r }) => r))],
  )
  if (!inserted.length) return 0
  const fresh = new Set(inserted.map((r) => `${r.kiosk_id}\n${r.id}`))
  const added = rows.filter((r) => fresh.has(`${r.kiosk_id}\n${r.id}`))
  // the newest of each kiosk (ids are time-ordered), unless the stored one is newer
  const latest = new Map<string, (typeof added)[number]>()
  for (const r of added) if ((latest.get(r.kiosk_id)?.id ?? '') < r.id) latest.set(r.kiosk_id, r)
  await q.query(
    `INSERT INTO kiosk_latest (kiosk_id, heartbeat_id, received_at, created_at, app_version, content_revision, last_error, storage_used, storage_quota, clock_ok)
     SELECT kiosk_id, id, received_at, created_at, app_version, content_revision, last_error, storage_used, storage_quota, clock_ok
       FROM jsonb_to_recordset($1::jsonb) AS x(${COLUMNS}) ORDER BY kiosk_id
     ON CONFLICT (kiosk_id) DO UPDATE SET heartbeat_id = EXCLUDED.heartbeat_id, received_at = EXCLUDED.received_at, created_at = EXCLUDED.created_at,
       app_version = EXCLUDED.app_version, content_revision = EXCLUDED.content_revision, last_error = EXCLUDED.last_error,
       storage_used = EXCLUDED.storage_used, storage_quota = EXCLUDED.storage_quota, clock_ok = EXCLUDED.clock_ok
     WHERE kiosk_latest.heartbeat_id <= EXCLUDED.heartbeat_id`,
    [JSON.stringify([...latest.values()].map(({ raw: _r, day: _d, ...r }) => r))],
  )
  // the day's roll-up, summed per kiosk and day
  const days = new Map<string, { kiosk_id: string; day: string; first: string; last: string; beats: number; revisions: number[]; errors: number }>()
  for (const r of added) {
    const k = `${r.kiosk_id}\n${r.day}`
    const d = days.get(k) ?? { kiosk_id: r.kiosk_id, day: r.day, first: r.received_at, last: r.received_at, beats: 0, revisions: [], errors: 0 }
    d.beats++
    if (r.received_at < d.first) d.first = r.received_at
    if (r.received_at > d.last) d.last = r.received_at
    if (r.content_revision !== null && !d.revisions.includes(r.content_revision)) d.revisions.push(r.content_revision)
    if (r.last_error) d.errors++
    days.set(k, d)
  }
  await q.query(
    `INSERT INTO heartbeat_daily (kiosk_id, day, first_seen, last_seen, beats, minutes_online, revisions, error_count)
     SELECT kiosk_id, day, first, last, beats, LEAST(1440, beats * ${MINUTES_PER_BEAT}), ARRAY(SELECT jsonb_array_elements_text(revisions)::integer), errors
       FROM jsonb_to_recordset($1::jsonb) AS x(kiosk_id text, day date, first timestamptz, last timestamptz, beats integer, revisions jsonb, errors integer) ORDER BY kiosk_id, day
     ON CONFLICT (kiosk_id, day) DO UPDATE SET
       first_seen = LEAST(heartbeat_daily.first_seen, EXCLUDED.first_seen),
       last_seen = GREATEST(heartbeat_daily.last_seen, EXCLUDED.last_seen),
       beats = heartbeat_daily.beats + EXCLUDED.beats,
       minutes_online = LEAST(1440, heartbeat_daily.minutes_online + EXCLUDED.minutes_online),
       revisions = ARRAY(SELECT DISTINCT r FROM unnest(heartbeat_daily.revisions || EXCLUDED.revisions) AS r ORDER BY r),
       error_count = heartbeat_daily.error_count + EXCLUDED.error_count`,
    [JSON.stringify([...days.values()])],
  )
  return added.length
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
        await db.tx((q) => storeHeartbeats(q, batch))
        for (const b of batch) b.done()
      } catch {
        // one bad heartbeat (say, of a kiosk deleted meanwhile) must not fail the others: each on its own
        for (const b of batch) await db.tx((q) => storeHeartbeats(q, [b])).then(() => b.done(), (e) => b.done(e ?? new Error('store failed')))
      }
    }
    running = false
  }
  return {
    write(kioskId: string, hb: Heartbeat, receivedAt: Date): Promise<void> {
      return new Promise((resolve, reject) => {
        queue.push({ kioskId, hb, receivedAt, done: (e) => (e ? reject(e) : resolve()) })
        if (!running) void drain()
      })
    },
  }
}
