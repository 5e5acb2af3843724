/**
 * The live revision's record and notices, like getLiveContent, but the notices
 * are read in slices of a few hundred: each slice is deserialised in its own
 * task, so loading a township's 10,000 notices never blocks the main thread
 * for long (docs/performance.md). One read transaction: record and notices match.
 * `onRecord` hands over the revision record before the notices are read.
 */
import { getDb } from './connection'
import { readRevisionNotices } from './noticeChunks'
import type { StoredContent } from './content'
import type { RevisionRecord } from './schema'

export const NOTICE_SLICE = 400

export async function getLiveContentSliced(
  sourceId: string,
  o: { slice?: number; onRecord?: (record: RevisionRecord) => void } = {},
): Promise<StoredContent | null> {
  const slice = o.slice ?? NOTICE_SLICE
  const db = await getDb()
  const tx = db.transaction(['pointers', 'revisions', 'notices', 'noticeChunks'], 'readonly')
  const pointer = await tx.objectStore('pointers').get(sourceId)
  if (!pointer) return null
  const record = await tx.objectStore('revisions').get([sourceId, pointer.current])
  // the checklist and handbook are in the record: a first screen can show them while the notices are still read
  // (same transaction, so they still match the notices that follow)
  if (record) o.onRecord?.(record)
  const notices = await readRevisionNotices({ chunks: tx.objectStore('noticeChunks'), records: tx.objectStore('notices') }, sourceId, pointer.current, { slice })
  await tx.done
  return record ? { record, notices } : null
}
