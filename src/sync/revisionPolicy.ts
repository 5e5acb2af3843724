/**
 * Whether a fetched revision is newer than the live one, and which number it
 * is stored under (issue 18 §6).
 *
 * - Plain JSON Feeds carry no revision: a change of bytes is the next one.
 * - Lower is a rollback, equal with other bytes a stale revision.
 * - An unsigned source may not jump more than MAX_UNSIGNED_REVISION_JUMP over
 *   the live revision: one served 9007199254740991 would otherwise refuse
 *   every real revision after it as a rollback, for ever. A signed source may
 *   jump (its township signed the number) and recovers through an epoch
 *   record (trust.ts) instead.
 */
import { SyncError } from './errors'

/** documented in docs/feed-format.md: a year of hourly builds fits well below it */
export const MAX_UNSIGNED_REVISION_JUMP = 10_000

export type RevisionDecision = { kind: 'unchanged'; revision: number } | { kind: 'new'; revision: number }

export interface RevisionFacts {
  /** the feed's own revision; null for a plain JSON Feed */
  feedRevision: number | null
  /** the live revision, if any, and the SHA-256 of its bytes */
  live: { revision: number; sha256?: string } | null
  sha256: string
  signed: boolean
  /** a newer epoch (trust.ts) lifts the order check */
  resetRevision: boolean
}

export function decideRevision(f: RevisionFacts): RevisionDecision {
  const { live } = f
  if (f.feedRevision === null) {
    if (live && live.sha256 === f.sha256) return { kind: 'unchanged', revision: live.revision }
    return { kind: 'new', revision: (live?.revision ?? 0) + 1 }
  }
  const revision = f.feedRevision
  if (!live) return { kind: 'new', revision }
  if (f.resetRevision) return live.sha256 === f.sha256 ? { kind: 'unchanged', revision: live.revision } : { kind: 'new', revision }
  if (revision < live.revision) throw new SyncError('rollback', [`${revision} < ${live.revision}`])
  if (revision === live.revision) {
    if (live.sha256 === f.sha256) return { kind: 'unchanged', revision }
    throw new SyncError('stale_revision', [`${revision} = ${live.revision}`])
  }
  if (!f.signed && revision - live.revision > MAX_UNSIGNED_REVISION_JUMP) {
    throw new SyncError('revision_jump', [`${revision} − ${live.revision} > ${MAX_UNSIGNED_REVISION_JUMP}`])
  }
  return { kind: 'new', revision }
}
