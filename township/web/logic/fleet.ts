/** The fleet page's filters and the facts it shows per kiosk, from the server's flags. */
import type { FleetFlag, FleetKiosk } from '../api/types'

export const FLEET_FILTERS: readonly FleetFlag[] = ['behind', 'error', 'silent', 'clock']

/** Kiosks with that flag (all of them for null); revoked kiosks only when asked for. */
export function filterFleet(kiosks: readonly FleetKiosk[], filter: FleetFlag | null, showRevoked = false): FleetKiosk[] {
  return kiosks.filter((k) => (showRevoked || !k.revokedAt) && (filter === null || k.flags.includes(filter)))
}

/** How many active kiosks each filter would show. */
export function countFlags(kiosks: readonly FleetKiosk[]): Record<FleetFlag | 'all', number> {
  const out = { all: 0, behind: 0, error: 0, silent: 0, clock: 0 }
  for (const k of kiosks) {
    if (k.revokedAt) continue
    out.all++
    for (const f of k.flags) if (f in out) out[f]++
  }
  return out
}

/** How far behind the latest published revision a kiosk is (0: current; null: unknown). */
export function revisionsBehind(k: Pick<FleetKiosk, 'contentRevision' | 'latestRevision'>): number | null {
  if (k.latestRevision === null || k.latestRevision === undefined) return null
  if (k.contentRevision === null || k.contentRevision === undefined) return null
  return Math.max(0, k.latestRevision - k.contentRevision)
}

/** Share of storage used, 0–1, or null when the kiosk did not say. */
export function storageShare(k: Pick<FleetKiosk, 'storageUsed' | 'storageQuota'>): number | null {
  if (!k.storageQuota || k.storageUsed === null || k.storageUsed === undefined) return null
  return Math.min(1, k.storageUsed / k.storageQuota)
}
