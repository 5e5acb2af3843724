/**
 * The live revision's record and notices, the notices read chunk by chunk
 * (NOTICE_CHUNK each, db/noticeChunks.ts): each chunk is deserialised in its own
 * task, so loading a township's 10,000 notices never blocks the main thread
 * for long (docs/performance.md). One read transaction: record and notices match.
 * `onRecord` hands over the revision record before the notices are read.
 */
import { getDb } from './connection'
import { readRevisionNotices } from './noticeChunks'
import type { StoredContent } from './content'
import type { RevisionRecord } from './schema'

export async function getLiveContentSliced(sourceId: string, o: { onRecord?: (record: RevisionRecord) => void } = {}): Promise<StoredContent | null> {
  const db = await getDb()
  const tx = db.transaction(['pointers', 'revisions', 'noticeChunks'], 'readonly')
  const pointer = await tx.objectStore('pointers').get(sourceId)
  if (!pointer) return null
  const record = await tx.objectStore('revisions').get([sourceId, pointer.current])
  // the checklist and handbook are in the record: a first screen can show them while the notices are still read
  // (same transaction, so they still match the notices that follow)
  if (record) o.onRecord?.(record)
  const notices = await readRevisionNotices({ chunks: tx.objectStore('noticeChunks') }, sourceId, pointer.current)
  await tx.done
  return record ? { record, notices } : null
}
