/**
 * Why a sync did not bring new content: a code (worded in the locale files, shown on #/status
 * and sent in heartbeats), plain facts (HTTP status, the failing URL) and coded feed issues.
 * The sync worker makes these; it needs no translations.
 */
import type { FeedIssue } from '../feed/issues'
import { msg, type Message } from '../i18n/message'

/** every code (test/unit/i18n/codes.test.ts: each has its words in every locale) */
export const SYNC_ERROR_CODES = [
  'offline', 'network', 'timeout', 'http', 'too_large', 'invalid', 'stale_revision', 'rollback', 'asset', 'asset_hash',
  'signature', 'storage', 'config', 'truncated', 'redirect', 'unsolicited_304', 'bad_date', 'duplicate_key',
  'revision_jump', 'unpinned_file', 'file_origin', 'key_changed', 'key_missing', 'epoch',
] as const
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number]

/** the words of a sync error: `sync.error.<code>` in src/i18n/locales/<locale>/sync.json */
export function syncErrorMessage(code: string): Message {
  return msg(`sync.error.${code}`)
}

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    /** extra facts that need no words: HTTP status, the failing URL, byte counts */
    readonly details: string[] = [],
    /** what is wrong in the feed, when that is the reason */
    readonly issues: FeedIssue[] = [],
  ) {
    // for logs only; people read the code's words
    super(`${code}${details.length ? `: ${details.join('; ')}` : ''}`)
    this.name = 'SyncError'
  }
}
