/** The append-only audit log: who did what, when, from where. */
import type { Queryable } from './db/db'

export interface Actor {
  name: string
  kind: 'user' | 'kiosk' | 'system'
  address?: string
}

export const SYSTEM: Actor = { name: 'system', kind: 'system' }

export async function audit(q: Queryable, actor: Actor, action: string, target = '', details: Record<string, unknown> = {}): Promise<void> {
  await q.query('INSERT INTO audit_log (actor, actor_kind, action, target, details, address) VALUES ($1, $2, $3, $4, $5, $6)', [
    actor.name,
    actor.kind,
    action,
    target,
    JSON.stringify(details),
    actor.address ?? '',
  ])
}
