/**
 * A revision's notices, NOTICE_CHUNK to a record (store `noticeChunks`,
 * database version 2): the one notice layout.
 *
 * Why: IndexedDB's cost is per record. Committing 10,000 notices as 10,000
 * puts takes ≈ 1 s in Chromium on the build machine; the same notices in 25
 * chunks take ≈ 0.1 s, and reading them back is ≈ 3× faster
 * (bench/applyStages.ts). Databases that still hold the old
 * one-record-per-notice layout (store `notices`) are converted by the
 * version 4 migration (db/schema.ts, `chunkOldNoticeRecords`).
 */
import type { Notice } from '../feed/types'
import type { NoticeChunkRecord, NoticeRecord } from './schema'

/** notices per chunk record: also one slice of a sliced read (one main-thread task) */
export const NOTICE_CHUNK = 400

const byId = (a: Notice, b: Notice) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The chunk records of a revision's notices, in id order (the order the `notices` store keys them in). */
export function toChunks(sourceId: string, revision: number, notices: readonly Notice[], size = NOTICE_CHUNK): NoticeChunkRecord[] {
  const sorted = [...notices].sort(byId)
  const chunks: NoticeChunkRecord[] = []
  for (let i = 0; i < sorted.length; i += size) chunks.push({ sourceId, revision, chunk: chunks.length, notices: sorted.slice(i, i + size) })
  return chunks
}

/** The chunk store as any idb transaction has it. */
export interface NoticeStores {
  chunks: { get(key: [string, number, number]): Promise<NoticeChunkRecord | undefined> }
}

/**
 * One revision's notices as NoticeRecords in id order, one request per chunk:
 * on the main thread each chunk is deserialised in its own task. Call it
 * inside the transaction that read the pointer, so record and notices match.
 * `map` keeps only what the caller holds of each notice (the content store: its
 * summary, notice/summary.ts), told the chunk the notice is in; the rest of the chunk is dropped.
 */
export async function readRevisionNotices(stores: NoticeStores, sourceId: string, revision: number, o?: { onSlice?: (notices: NoticeRecord[]) => void }): Promise<NoticeRecord[]>
export async function readRevisionNotices<T>(stores: NoticeStores, sourceId: string, revision: number, o: { onSlice?: (notices: T[]) => void; map: (n: NoticeRecord, chunk: number) => T }): Promise<T[]>
export async function readRevisionNotices<T>(stores: NoticeStores, sourceId: string, revision: number, o: { onSlice?: (notices: T[]) => void; map?: (n: NoticeRecord, chunk: number) => T } = {}): Promise<T[]> {
  const out: T[] = []
  for (let k = 0, c = await stores.chunks.get([sourceId, revision, 0]); c; c = await stores.chunks.get([sourceId, revision, ++k])) {
    const records = asNoticeRecords(c)
    const batch = (o.map ? records.map((n) => o.map!(n, c!.chunk)) : records) as T[]
    for (const n of batch) out.push(n)
    o.onSlice?.(batch)
  }
  return out
}

/** A chunk's notices with their source and revision, as readers and the sync worker's hand-over give them (in place: a chunk read or written is not used again). */
export function asNoticeRecords(c: NoticeChunkRecord): NoticeRecord[] {
  const batch = c.notices as NoticeRecord[]
  for (const n of batch) {
    n.sourceId = c.sourceId
    n.revision = c.revision
  }
  return batch
}
