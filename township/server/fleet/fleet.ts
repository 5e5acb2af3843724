/**
 * The fleet (设备): every kiosk with its latest heartbeat (kiosk_latest, one
 * row a kiosk) against its village's latest published revision, and the flags
 * the page filters on. The alerts read the same list.
 */
import type { Queryable } from '../db/db'

export type FleetFlag = 'behind' | 'error' | 'silent' | 'clock'
export const FLAGS: FleetFlag[] = ['behind', 'error', 'silent', 'clock']

export interface FleetKiosk {
  id: string
  villageCode: string
  villageName: string
  township: string
  place: string
  appVersion: string | null
  contentRevision: number | null
  latestRevision: number | null
  /** when the latest published revision came out (for "behind for more than a day") */
  latestPublishedAt: string | null
  lastSeen: string | null
  lastError: { code: string; zh: string; en: string; at: string } | null
  storageUsed: number | null
  storageQuota: number | null
  clockOk: boolean | null
  revokedAt: string | null
  flags: FleetFlag[]
}

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null)

/** silentMinutes null: the township's alert setting (60 when none), read in the same query */
export async function fleetOf(q: Queryable, o: { villages: string[] | null; now: Date; silentMinutes: number | null; includeRevoked?: boolean }): Promise<FleetKiosk[]> {
  const rows = await q.query<{
    id: string
    village_code: string
    name: string
    township_code: string
    place: string
    revoked_at: Date | null
    app_version: string | null
    content_revision: number | null
    received_at: Date | null
    last_error: FleetKiosk['lastError']
    storage_used: number | null
    storage_quota: number | null
    clock_ok: boolean | null
    latest: number | null
    latest_at: Date | null
    silent_minutes: number
  }>(
    `SELECT k.id, k.village_code, v.name, v.township_code, k.place, k.revoked_at,
            l.app_version, l.content_revision, l.received_at, l.last_error, l.storage_used, l.storage_quota, l.clock_ok,
            r.revision AS latest, r.published_at AS latest_at,
            COALESCE($2::int, (SELECT silent_minutes FROM alert_config LIMIT 1), 60) AS silent_minutes
       FROM kiosks k
       JOIN villages v ON v.code = k.village_code
       LEFT JOIN kiosk_latest l ON l.kiosk_id = k.id
       LEFT JOIN LATERAL (SELECT revision, published_at FROM revisions WHERE village_code = k.village_code ORDER BY revision DESC LIMIT 1) r ON true
      WHERE ($1::text[] IS NULL OR k.village_code = ANY($1::text[])) ${o.includeRevoked === false ? 'AND k.revoked_at IS NULL' : ''}
      ORDER BY v.code, k.place, k.id`,
    [o.villages, o.silentMinutes],
  )
  const silentBefore = o.now.getTime() - Number(rows[0]?.silent_minutes ?? 60) * 60_000
  return rows.map((r) => {
    const latest = r.latest === null ? null : Number(r.latest)
    const rev = r.content_revision === null ? null : Number(r.content_revision)
    const flags: FleetFlag[] = []
    if (!r.revoked_at) {
      if (latest !== null && (rev === null || rev < latest)) flags.push('behind')
      if (r.last_error) flags.push('error')
      if (!r.received_at || new Date(r.received_at).getTime() < silentBefore) flags.push('silent')
      if (r.clock_ok === false) flags.push('clock')
    }
    return {
      id: r.id,
      villageCode: r.village_code,
      villageName: r.name,
      township: r.township_code,
      place: r.place,
      appVersion: r.app_version,
      contentRevision: rev,
      latestRevision: latest,
      latestPublishedAt: iso(r.latest_at),
      lastSeen: iso(r.received_at),
      lastError: r.last_error,
      storageUsed: r.storage_used === null ? null : Number(r.storage_used),
      storageQuota: r.storage_quota === null ? null : Number(r.storage_quota),
      clockOk: r.clock_ok,
      revokedAt: iso(r.revoked_at),
      flags,
    }
  })
}
