/**
 * Notices of a revision in chunks of NOTICE_CHUNK per record (store
 * `noticeChunks`, database version 2) instead of one record each (`notices`).
 *
 * Why: IndexedDB's cost is per record. Committing 10,000 notices as 10,000
 * puts takes ≈ 1 s in Chromium on the build machine; the same notices in 25
 * chunks take ≈ 0.1 s, and reading them back is ≈ 3× faster
 * (bench/applyStages.ts and docs in the apply report).
 *
 * A revision's notices are in exactly one of the two stores.
 * `readRevisionNotices` reads either layout, so readers can switch to it
 * first; `NOTICE_LAYOUT` decides what commitRevision writes and turns to
 * 'chunks' once every reader of notices goes through this file.
 */
import type { Notice } from '../feed/types'
import type { NoticeChunkRecord, NoticeRecord } from './schema'

/** notices per chunk record: also one slice of a sliced read (one main-thread task) */
export const NOTICE_CHUNK = 400

/** What commitRevision writes. 'records' until the readers (db/content.ts getLiveContent, db/liveContentSliced.ts) use readRevisionNotices. */
export const NOTICE_LAYOUT: 'records' | 'chunks' = 'chunks'

const byId = (a: Notice, b: Notice) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The chunk records of a revision's notices, in id order (the order the `notices` store keys them in). */
export function toChunks(sourceId: string, revision: number, notices: readonly Notice[], size = NOTICE_CHUNK): NoticeChunkRecord[] {
  const sorted = [...notices].sort(byId)
  const chunks: NoticeChunkRecord[] = []
  for (let i = 0; i < sorted.length; i += size) chunks.push({ sourceId, revision, chunk: chunks.length, notices: sorted.slice(i, i + size) })
  return chunks
}

/** The parts of the two object stores a read needs (any idb transaction's stores fit). */
export interface NoticeStores {
  chunks: { get(key: [string, number, number]): Promise<NoticeChunkRecord | undefined> }
  records: { getAll(query: IDBKeyRange, count?: number): Promise<NoticeRecord[]> }
}

/**
 * One revision's notices as NoticeRecords in id order, whichever layout they
 * were written in, one request per slice of about `slice` notices: on the main
 * thread each slice is deserialised in its own task. Call it inside the
 * transaction that read the pointer, so record and notices match.
 */
export async function readRevisionNotices(
  stores: NoticeStores,
  sourceId: string,
  revision: number,
  o: { slice?: number; onSlice?: (notices: NoticeRecord[]) => void } = {},
): Promise<NoticeRecord[]> {
  const out: NoticeRecord[] = []
  const first = await stores.chunks.get([sourceId, revision, 0])
  if (first) {
    for (let c: NoticeChunkRecord | undefined = first, k = 0; c; c = await stores.chunks.get([sourceId, revision, ++k])) {
      const batch = c.notices as NoticeRecord[]
      for (const n of batch) {
        n.sourceId = sourceId
        n.revision = revision
        out.push(n)
      }
      o.onSlice?.(batch)
    }
    return out
  }
  const slice = o.slice ?? NOTICE_CHUNK
  // primary keys are [sourceId, revision, id]; an array sorts after every string id
  let lower: [string, number, string] | [string, number] = [sourceId, revision]
  let open = false
  for (;;) {
    const batch = await stores.records.getAll(IDBKeyRange.bound(lower, [sourceId, revision, []], open), slice)
    for (const n of batch) out.push(n)
    if (batch.length) o.onSlice?.(batch)
    if (batch.length < slice) break
    lower = [sourceId, revision, batch[batch.length - 1]!.id]
    open = true
  }
  return out
}
