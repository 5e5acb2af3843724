/**
 * Revisions of feed content. A revision goes live in one transaction that
 * writes its files, its record, its notices and the pointer: a crash or an
 * error anywhere in it leaves the previous revision live and whole.
 */
import { getDb } from './connection'
import type { AssetRecord, NoticeChunkRecord, NoticeRecord, Pointer, RevisionRecord } from './schema'
import { toChunks } from './noticeChunks'
import type { FeedContent } from '../feed/types'
import type { FeedIssue } from '../feed/issues'

export interface StoredContent {
  record: RevisionRecord
  notices: NoticeRecord[]
}

export class StaleRevisionError extends Error {
  constructor(
    readonly revision: number,
    readonly current: number,
  ) {
    super(`revision ${revision} is not newer than ${current}`)
    this.name = 'StaleRevisionError'
  }
}

export async function getPointer(sourceId: string): Promise<Pointer | undefined> {
  return (await getDb()).get('pointers', sourceId)
}

export async function listPointers(): Promise<Pointer[]> {
  return (await getDb()).getAll('pointers')
}

export async function getRevisionRecord(sourceId: string, revision: number): Promise<RevisionRecord | undefined> {
  return (await getDb()).get('revisions', [sourceId, revision])
}

/** A source's live pointer and the record it points to (none before its first revision), read together. */
export interface LiveState {
  pointer: Pointer | undefined
  record: RevisionRecord | undefined
}

export async function getLiveState(sourceId: string): Promise<LiveState> {
  const db = await getDb()
  const tx = db.transaction(['pointers', 'revisions'], 'readonly')
  const pointer = await tx.objectStore('pointers').get(sourceId)
  const record = pointer ? await tx.objectStore('revisions').get([sourceId, pointer.current]) : undefined
  await tx.done
  return { pointer, record }
}

/** Only the live revision's record (checklist, handbook): the first screen needs no notices. */
export async function getLiveRecord(sourceId: string): Promise<RevisionRecord | null> {
  return (await getLiveState(sourceId)).record ?? null
}

export async function getSearchIndex(sourceId: string, revision: number): Promise<unknown> {
  return (await (await getDb()).get('searchIndex', [sourceId, revision]))?.data
}

export async function getAsset(url: string): Promise<AssetRecord | undefined> {
  return (await getDb()).get('assets', url)
}

export interface CommitInput {
  sourceId: string
  revision: number
  sha256: string
  content: FeedContent
  assets: AssetRecord[]
  /** every file URL the revision needs, including ones already stored */
  assetUrls: string[]
  /** validator warnings, kept with the revision for #/status */
  warnings?: FeedIssue[]
  /** the revision's search index (search feature), written with it; the sync path writes it afterwards (putSearchIndex) */
  searchIndex?: unknown
  /** what the privacy guard masked in this revision (signed-feeds feature), for #/status */
  privacyFindings?: RevisionRecord['privacyFindings']
  signedWith?: string
  /** the township root key pinned with this revision (sync/trust.ts) */
  trustedRootKey?: string
  /** a newer signed epoch (sync/trust.ts): the revision may be lower than the live one; one stored under its number is replaced */
  resetRevision?: boolean
  now?: Date
  /**
   * Told the notice chunks as soon as every write is queued, while the transaction commits: the sync worker
   * posts them to the page meanwhile, and the page shows them only once the commit is done (ApplyDeps.onLive).
   */
  whileCommitting?: (chunks: NoticeChunkRecord[]) => void
}

/** What went live: the pointer, and the record and notice chunks as written, so the sync worker can hand them to the page without a re-read. */
export type Committed = Pointer & { record: RevisionRecord; chunks: NoticeChunkRecord[] }

/**
 * Writes a revision and makes it live, atomically. Refuses (StaleRevisionError)
 * a revision not newer than the live one, checked inside the transaction so two
 * overlapping syncs cannot roll the kiosk back.
 */
export async function commitRevision(input: CommitInput): Promise<Committed> {
  const { sourceId, revision, content } = input
  const now = (input.now ?? new Date()).toISOString()
  const db = await getDb()
  // strict: flushed to disk before it counts as done, so a power cut cannot lose a revision said to be live
  const tx = db.transaction(['pointers', 'revisions', 'noticeChunks', 'assets', 'searchIndex'], 'readwrite', { durability: 'strict' })
  try {
    const pointers = tx.objectStore('pointers')
    const old = await pointers.get(sourceId)
    const writes: Promise<unknown>[] = []
    const track = (p: Promise<unknown>) => {
      // once the transaction aborts every request rejects; the first failure is the one reported
      p.catch(() => undefined)
      writes.push(p)
    }
    if (old && revision <= old.current) {
      if (!input.resetRevision || revision === old.current) throw new StaleRevisionError(revision, old.current)
      // an older record under this number (the previous revision) gives way, notices and all
      const key: [string, number] = [sourceId, revision]
      track(tx.objectStore('noticeChunks').delete(IDBKeyRange.bound(key, [sourceId, revision, []])))
      track(tx.objectStore('searchIndex').delete(key))
    }
    const { notices, revision: _r, ...rest } = content
    const record: RevisionRecord = {
      ...rest,
      sourceId,
      revision,
      appliedAt: now,
      sha256: input.sha256,
      assetUrls: input.assetUrls,
      noticeCount: notices.length,
      warnings: input.warnings ?? [],
      privacyFindings: input.privacyFindings ?? [],
      ...(input.signedWith ? { signedWith: input.signedWith } : {}),
      ...(input.trustedRootKey ? { trustedRootKey: input.trustedRootKey } : {}),
    }
    for (const a of input.assets) track(tx.objectStore('assets').put(a))
    track(tx.objectStore('revisions').put(record))
    if (input.searchIndex !== undefined) track(tx.objectStore('searchIndex').put({ sourceId, revision, data: input.searchIndex }))
    const chunks = toChunks(sourceId, revision, notices)
    const chunkStore = tx.objectStore('noticeChunks')
    for (const c of chunks) track(chunkStore.put(c))
    const pointer: Pointer = { sourceId, current: revision, previous: old?.current ?? null, switchedAt: now }
    track(pointers.put(pointer))
    // nothing more to write: commit as soon as the writes are done, not when their events have run
    tx.commit()
    try {
      input.whileCommitting?.(chunks)
    } catch (e) {
      // the transaction commits whatever the listener did (the page then reads the revision back)
      console.warn('whileCommitting', e)
    }
    await Promise.all(writes)
    await tx.done
    return { ...pointer, record, chunks }
  } catch (e) {
    try {
      tx.abort()
    } catch {
      // already aborted by the failing request
    }
    await tx.done.catch(() => undefined)
    throw e
  }
}

/**
 * Stores a revision's search index in its own transaction, after the revision
 * went live (the page shows the content without waiting for it). Written only
 * while the revision is still stored, so a revision pruned meanwhile leaves no orphan.
 */
export async function putSearchIndex(sourceId: string, revision: number, data: unknown): Promise<boolean> {
  const tx = (await getDb()).transaction(['revisions', 'searchIndex'], 'readwrite')
  const kept = (await tx.objectStore('revisions').getKey([sourceId, revision])) !== undefined
  if (kept) await tx.objectStore('searchIndex').put({ sourceId, revision, data })
  await tx.done
  return kept
}

/**
 * Deletes revisions other than the live and the previous one, and files no
 * remaining revision needs. Runs after a revision went live.
 */
export async function pruneSource(sourceId: string): Promise<{ revisions: number; assets: number }> {
  const db = await getDb()
  const tx = db.transaction(['pointers', 'revisions', 'noticeChunks', 'assets', 'searchIndex'], 'readwrite')
  const pointer = await tx.objectStore('pointers').get(sourceId)
  let revisions = 0
  let assets = 0
  if (pointer) {
    const keep = new Set([pointer.current, pointer.previous])
    const records = await tx.objectStore('revisions').index('bySource').getAll(sourceId)
    for (const r of records) {
      if (keep.has(r.revision)) continue
      revisions++
      const key: [string, number] = [sourceId, r.revision]
      await tx.objectStore('revisions').delete(key)
      await tx.objectStore('searchIndex').delete(key)
      await tx.objectStore('noticeChunks').delete(IDBKeyRange.bound(key, [sourceId, r.revision, []]))
    }
    const needed = new Set<string>()
    for (const r of await tx.objectStore('revisions').getAll()) for (const u of r.assetUrls) needed.add(u)
    for (const url of await tx.objectStore('assets').getAllKeys()) {
      if (!needed.has(url)) {
        assets++
        await tx.objectStore('assets').delete(url)
      }
    }
  }
  await tx.done
  return { revisions, assets }
}
