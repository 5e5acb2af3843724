/**
 * The live revision's record and notices, the notices read chunk by chunk
 * (NOTICE_CHUNK each, db/noticeChunks.ts): each chunk is deserialised in its own
 * task, so loading a township's 10,000 notices never blocks the main thread
 * for long (docs/performance.md). One read transaction: record and notices match.
 * `onRecord` hands over the revision record before the notices are read.
 */
import { getDb } from './connection'
import { asNoticeRecords, readRevisionNotices } from './noticeChunks'
import type { StoredContent } from './content'
import type { NoticeRecord, RevisionRecord } from './schema'

/**
 * `map` keeps only what the caller holds of each notice (the content store: its summary), told the chunk it is in.
 */
export async function getLiveContentSliced(sourceId: string, o?: { onRecord?: (record: RevisionRecord) => void }): Promise<StoredContent | null>
export async function getLiveContentSliced<T>(sourceId: string, o: { onRecord?: (record: RevisionRecord) => void; map: (n: NoticeRecord, chunk: number) => T }): Promise<{ record: RevisionRecord; notices: T[] } | null>
export async function getLiveContentSliced<T>(sourceId: string, o: { onRecord?: (record: RevisionRecord) => void; map?: (n: NoticeRecord, chunk: number) => T } = {}): Promise<{ record: RevisionRecord; notices: (T | NoticeRecord)[] } | null> {
  const db = await getDb()
  const tx = db.transaction(['pointers', 'revisions', 'noticeChunks'], 'readonly')
  const pointer = await tx.objectStore('pointers').get(sourceId)
  if (!pointer) return null
  const record = await tx.objectStore('revisions').get([sourceId, pointer.current])
  // the checklist and handbook are in the record: a first screen can show them while the notices are still read
  // (same transaction, so they still match the notices that follow)
  if (record) o.onRecord?.(record)
  const chunks = { chunks: tx.objectStore('noticeChunks') }
  const notices = o.map ? await readRevisionNotices(chunks, sourceId, pointer.current, { map: o.map }) : await readRevisionNotices(chunks, sourceId, pointer.current)
  await tx.done
  return record ? { record, notices } : null
}

/**
 * One notice of a revision, whole (a notice screen shows its body; the content store holds only summaries):
 * one chunk read when the caller knows its chunk (the summary's `chunk`), else the revision's chunks in turn.
 * Undefined when that revision (pruned) or the notice is not stored.
 */
export async function getNotice(sourceId: string, revision: number, id: string, chunk?: number): Promise<NoticeRecord | undefined> {
  const db = await getDb()
  const tx = db.transaction('noticeChunks', 'readonly')
  const store = tx.objectStore('noticeChunks')
  let found: NoticeRecord | undefined
  if (chunk !== undefined) {
    const c = await store.get([sourceId, revision, chunk])
    found = c && asNoticeRecords(c).find((n) => n.id === id)
  }
  for (let k = 0; !found; k++) {
    if (k === chunk) continue
    const c = await store.get([sourceId, revision, k])
    if (!c) break
    found = asNoticeRecords(c).find((n) => n.id === id)
  }
  await tx.done
  return found
}

/**
 * Several notices of one chunk, whole, in one read (the content store's bodies read ahead at idle: the board's
 * first screenful spans a few chunks). The ones of `ids` the chunk holds; none when the revision is gone.
 */
export async function getNoticesOfChunk(sourceId: string, revision: number, chunk: number, ids: ReadonlySet<string>): Promise<NoticeRecord[]> {
  const db = await getDb()
  const c = await db.get('noticeChunks', [sourceId, revision, chunk])
  return c ? asNoticeRecords(c).filter((n) => ids.has(n.id)) : []
}
