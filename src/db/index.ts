/** The storage module: the only importer of idb. */
export { getDb, closeDb, deleteDatabase } from './connection'
export * from './content'
export * from './kv'
export * from './syncState'
export * from './heartbeats'
export * from './clerk'
export * from './liveContentSliced'
export type { AssetRecord, NoticeRecord, Pointer, PrivacyFinding, RevisionRecord, SyncStateRecord } from './schema'
