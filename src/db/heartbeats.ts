/**
 * Fleet heartbeats waiting to be sent (src/fleet/heartbeat.ts). Ids sort by
 * time, so the queue is read oldest first; it is capped so a kiosk that is
 * offline for weeks keeps only the newest ones.
 */
import { getDb } from './connection'

export interface QueuedHeartbeat {
  id: string
  /** the heartbeat, as it will be sent */
  body: Record<string, unknown>
}

/** Adds a heartbeat and drops the oldest beyond `max`. */
export async function enqueueHeartbeat(hb: QueuedHeartbeat, max: number): Promise<void> {
  const db = await getDb()
  const tx = db.transaction('heartbeats', 'readwrite')
  await tx.store.put({ id: hb.id, body: hb.body })
  const keys = await tx.store.getAllKeys()
  for (const k of keys.slice(0, Math.max(0, keys.length - max))) await tx.store.delete(k)
  await tx.done
}

export async function listHeartbeats(limit?: number): Promise<QueuedHeartbeat[]> {
  const rows = await (await getDb()).getAll('heartbeats', undefined, limit)
  return rows.map((r) => ({ id: r.id, body: r.body as Record<string, unknown> }))
}

export async function deleteHeartbeat(id: string): Promise<void> {
  await (await getDb()).delete('heartbeats', id)
}

export async function countHeartbeats(): Promise<number> {
  return (await getDb()).count('heartbeats')
}
