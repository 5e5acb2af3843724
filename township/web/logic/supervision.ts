/** Flattening and ranking the supervision answer for its tables. */
import type { ItemState, Supervision, SupervisionItem, SupervisionVillage } from '../api/types'

export interface SupervisionRow extends SupervisionItem {
  villageCode: string
  villageName: string
}

/** One row per village and item; optionally only one village or one state. */
export function supervisionRows(s: Supervision | null, opts: { village?: string; state?: ItemState | '' } = {}): SupervisionRow[] {
  if (!s) return []
  const out: SupervisionRow[] = []
  for (const v of s.villages) {
    if (opts.village && v.code !== opts.village) continue
    for (const i of v.items) if (!opts.state || i.state === opts.state) out.push({ ...i, villageCode: v.code, villageName: v.name })
  }
  return out
}

/** Villages best first by on-time rate; the server's rank when it gives one, ties by name. */
export function rankVillages(villages: readonly SupervisionVillage[]): SupervisionVillage[] {
  return [...villages].sort((a, b) => {
    if (a.rank !== null && b.rank !== null && a.rank !== b.rank) return a.rank - b.rank
    const ra = a.onTimeRate ?? -1
    const rb = b.onTimeRate ?? -1
    return rb - ra || a.name.localeCompare(b.name, 'zh-CN')
  })
}
