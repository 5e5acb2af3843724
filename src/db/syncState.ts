/** Per-source sync bookkeeping: validators for conditional requests, last success, last error. */
import { getDb } from './connection'
import type { SyncStateRecord } from './schema'

export async function getSyncState(sourceId: string): Promise<SyncStateRecord> {
  return (await (await getDb()).get('syncState', sourceId)) ?? { sourceId, consecutiveFailures: 0 }
}

export async function putSyncState(state: SyncStateRecord): Promise<void> {
  await (await getDb()).put('syncState', state)
}

export async function listSyncStates(): Promise<SyncStateRecord[]> {
  return (await getDb()).getAll('syncState')
}
