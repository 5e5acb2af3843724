/**
 * IndexedDB schema and migrations. src/db/ is the only place that imports idb
 * (eslint enforces it); everything else calls the repositories beside this file.
 *
 * Content is stored per revision of each feed source: a revision record (village,
 * checklist, handbook), its notices, and the files it needs. The `pointers`
 * store names the live and the previous revision of each source; switching
 * revisions rewrites it inside the same transaction that wrote the content.
 */
import type { DBSchema } from 'idb'
import { toChunks } from './noticeChunks'
import type { FeedContent, Notice } from '../feed/types'
import type { FeedIssue } from '../feed/issues'

export const DB_NAME = 'gongkai'
export const DB_VERSION = 4

export interface RevisionRecord extends Omit<FeedContent, 'notices' | 'revision'> {
  sourceId: string
  revision: number
  appliedAt: string
  /** SHA-256 of the exact feed bytes: tells a re-served revision from a changed one */
  sha256: string
  /** URLs of the stored files this revision needs */
  assetUrls: string[]
  noticeCount: number
  /** what the validator let through but township staff should fix (dropped optional fields); older records also hold zh/en words, not read */
  warnings?: FeedIssue[]
  /** notices whose personal numbers the privacy guard masked on the way in (feed text is stored masked) */
  privacyFindings?: PrivacyFinding[]
  /** the public key this revision's signature verified with; absent for unsigned sources */
  signedWith?: string
  /** the township root key pinned on first use (sync/trust.ts); absent when the config named none */
  trustedRootKey?: string
}

/** One notice (or `handbook:<chapter id>`, `checklist:<item id>`) with the fields the privacy guard masked; never the raw values. */
export interface PrivacyFinding {
  noticeId: string
  title: string
  fields: { field: string; kind: 'id18' | 'id18_check' | 'id15' | 'mobile' | 'bank_card' }[]
}

export interface NoticeRecord extends Notice {
  sourceId: string
  revision: number
}

/** Up to NOTICE_CHUNK notices of one revision in one record (db/noticeChunks.ts): one put instead of hundreds. */
export interface NoticeChunkRecord {
  sourceId: string
  revision: number
  /** 0, 1, 2 …; the notices are in id order across chunks, as the `notices` store keeps them */
  chunk: number
  notices: Notice[]
}

export interface AssetRecord {
  url: string
  blob: Blob
  mimeType: string
  size: number
  sha256: string
  storedAt: string
}

export interface Pointer {
  sourceId: string
  current: number
  previous: number | null
  switchedAt: string
}

export interface SyncStateRecord {
  sourceId: string
  etag?: string
  lastModified?: string
  lastAttemptAt?: string
  lastSuccessAt?: string
  /** the last time content actually changed */
  lastAppliedAt?: string
  /**
   * why the last sync failed: a sync error code (worded in sync.json), facts, and the feed's issues (coded).
   * Older records also hold zh/en words and the issues described in details: the
   * words are not read (the code is translated), the old details still show.
   */
  lastError?: { code: string; at: string; details?: string[]; issues?: FeedIssue[] } | null
  consecutiveFailures: number
}

/** Stores other features own; declared here so that every schema change is one migration list. */
export interface GongkaiDB extends DBSchema {
  revisions: { key: [string, number]; value: RevisionRecord; indexes: { bySource: string } }
  /**
   * the old layout, one record per notice (versions 1–3): emptied into noticeChunks by the version 4
   * migration and kept (empty) only so an app rolled back to an older version still finds the store it names
   */
  notices: { key: [string, number, string]; value: NoticeRecord; indexes: { byRevision: [string, number] } }
  /** a revision's notices, NOTICE_CHUNK to a record (db/noticeChunks.ts): the one notice layout */
  noticeChunks: { key: [string, number, number]; value: NoticeChunkRecord }
  assets: { key: string; value: AssetRecord }
  pointers: { key: string; value: Pointer }
  syncState: { key: string; value: SyncStateRecord }
  /** small settings: last good config, PIN hash, locks, app version… */
  kv: { key: string; value: unknown }
  /** search index per revision (search feature) */
  searchIndex: { key: [string, number]; value: { sourceId: string; revision: number; data: unknown } }
  /** clerk layer (clerk feature): records keyed by id */
  clerkItems: { key: string; value: { id: string } & Record<string, unknown> }
  ledger: { key: string; value: { id: string; itemId: string } & Record<string, unknown>; indexes: { byItem: string } }
  localNotices: { key: string; value: { id: string } & Record<string, unknown> }
  drafts: { key: string; value: { id: string } & Record<string, unknown> }
  photos: { key: string; value: { id: string; blob: Blob } & Record<string, unknown> }
  outbox: { key: string; value: { id: string } & Record<string, unknown> }
  /** what the console acknowledged per clerk record (version 3): the outbox can be rebuilt from the records and these */
  uploads: { key: string; value: { id: string } & Record<string, unknown> }
  /** fleet heartbeats queued while offline */
  heartbeats: { key: string; value: { id: string } & Record<string, unknown> }
}

type Upgrade = Parameters<NonNullable<import('idb').OpenDBCallbacks<GongkaiDB>['upgrade']>>
/** migrations[n] upgrades a database at version n to n + 1 */
export const migrations: Array<(db: Upgrade[0], tx: Upgrade[3]) => void> = [
  (db) => {
    db.createObjectStore('revisions', { keyPath: ['sourceId', 'revision'] }).createIndex('bySource', 'sourceId')
    db.createObjectStore('notices', { keyPath: ['sourceId', 'revision', 'id'] }).createIndex('byRevision', ['sourceId', 'revision'])
    db.createObjectStore('assets', { keyPath: 'url' })
    db.createObjectStore('pointers', { keyPath: 'sourceId' })
    db.createObjectStore('syncState', { keyPath: 'sourceId' })
    db.createObjectStore('kv')
    db.createObjectStore('searchIndex', { keyPath: ['sourceId', 'revision'] })
    db.createObjectStore('clerkItems', { keyPath: 'id' })
    db.createObjectStore('ledger', { keyPath: 'id' }).createIndex('byItem', 'itemId')
    db.createObjectStore('localNotices', { keyPath: 'id' })
    db.createObjectStore('drafts', { keyPath: 'id' })
    db.createObjectStore('photos', { keyPath: 'id' })
    db.createObjectStore('outbox', { keyPath: 'id' })
    db.createObjectStore('heartbeats', { keyPath: 'id' })
  },
  (db) => {
    db.createObjectStore('noticeChunks', { keyPath: ['sourceId', 'revision', 'chunk'] })
  },
  (db) => {
    db.createObjectStore('uploads', { keyPath: 'id' })
  },
  (_db, tx) => void chunkOldNoticeRecords(tx),
]

/**
 * Version 4: revisions stored one record per notice (before version 2, or by the old writer) are
 * rewritten as chunks, and the old store is emptied. Runs inside the upgrade transaction, so a
 * failure leaves the database at version 3, whole.
 */
export async function chunkOldNoticeRecords(tx: Upgrade[3]): Promise<void> {
  const old = tx.objectStore('notices')
  const chunks = tx.objectStore('noticeChunks')
  // key order is [sourceId, revision, id]: each revision's notices come together, in id order
  const records = await old.getAll()
  const groups = new Map<string, { sourceId: string; revision: number; notices: Notice[] }>()
  for (const { sourceId, revision, ...notice } of records) {
    const k = JSON.stringify([sourceId, revision])
    let g = groups.get(k)
    if (!g) groups.set(k, (g = { sourceId, revision, notices: [] }))
    g.notices.push(notice)
  }
  const writes: Promise<unknown>[] = []
  for (const g of groups.values()) {
    // a revision already in chunks (the old writer never wrote both) keeps them
    if (await chunks.get([g.sourceId, g.revision, 0])) continue
    for (const c of toChunks(g.sourceId, g.revision, g.notices)) writes.push(chunks.put(c))
  }
  await Promise.all(writes)
  await old.clear()
}
