/**
 * The start-up read: every source's live revision record (checklist, handbook, village), in one read
 * transaction, without the notices. The first screen needs exactly this; src/bootRead.ts starts it before
 * Vue's code evaluates, so the open and the read run while the framework starts (docs/performance.md).
 */
import { getDb } from './connection'
import type { RevisionRecord } from './schema'

export interface LiveRecord {
  sourceId: string
  record: RevisionRecord
}

export async function getLiveRecords(): Promise<LiveRecord[]> {
  const db = await getDb()
  const tx = db.transaction(['pointers', 'revisions'], 'readonly')
  const revisions = tx.objectStore('revisions')
  const pointers = await tx.objectStore('pointers').getAll()
  const records = await Promise.all(pointers.map((p) => revisions.get([p.sourceId, p.current])))
  await tx.done
  const out: LiveRecord[] = []
  pointers.forEach((p, i) => {
    const record = records[i]
    if (record) out.push({ sourceId: p.sourceId, record })
  })
  return out
}
