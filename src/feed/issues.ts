/**
 * A problem found in a feed, located by its JSON path, with a reason code. The words are
 * `feed.reason.<code>` in src/i18n/locales/<locale>/feed.json (the only place they are written):
 * township staff read them on #/status and in the CLI, so they say what was expected in plain words.
 * The validator runs in the sync worker and needs no translations, only these codes.
 */
import type * as v from 'valibot'
import { msg, type Message } from '../i18n/message'

/** every reason the validator, the restorer and the file policy give (test/unit/i18n/codes.test.ts: each has a text in every locale) */
export const REASON_CODES = [
  'string', 'number', 'integer', 'boolean', 'array', 'object', 'non_empty', 'non_empty_array', 'non_negative', 'positive',
  'date_time', 'date', 'id', 'item_id', 'row', 'url', 'sha256', 'feed_version', 'schema_version', 'frequency', 'day_type',
  'cell', 'too_long', 'row_kind', 'table_kind', 'row_width', 'missing', 'duplicate_id', 'unknown_category',
  'unknown_checklist_item', 'no_content', 'expires_before_start', 'expires_needs_start', 'not_json', 'not_json_html',
  'duplicate_key', 'unpinned_file', 'file_dropped', 'not_object', 'dropped_optional', 'ignored_category', 'invalid',
  'not_utf8', 'unprocessable', 'allowed_hosts', 'pin_every_file',
] as const
export type ReasonCode = (typeof REASON_CODES)[number]
const KNOWN: ReadonlySet<string> = new Set(REASON_CODES)

export function hasReason(code: string): code is ReasonCode {
  return KNOWN.has(code)
}

export interface FeedIssue {
  /** e.g. items[3]._gongkai.expires; empty for the whole document */
  path: string
  code: string
  params?: Record<string, string | number>
}

export function formatPath(parts: readonly (string | number)[]): string {
  let out = ''
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`
    else out += out ? `.${p}` : p
  }
  return out
}

/** the inverse of formatPath: "items[3]._gongkai.expires" → ['items', 3, '_gongkai', 'expires'] */
export function parsePath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!))
}

export function issueAt(parts: readonly (string | number)[], code: ReasonCode, params?: Record<string, string | number>): FeedIssue {
  return params ? { path: formatPath(parts), code, params } : { path: formatPath(parts), code }
}

/**
 * The reason's message. Stored issues (a revision's warnings, a sync state's last error) may be older
 * records that also carry zh/en words: only the code counts, so they read in today's words and language.
 */
export function issueMessage(i: Pick<FeedIssue, 'code' | 'params'>): Message {
  return msg(`feed.reason.${hasReason(i.code) ? i.code : 'invalid'}`, i.params)
}

/**
 * The issues to report for one valibot issue. A union (a field with a short
 * form, schema.ts) that fails reports the issues of the form that got furthest
 * into the value — {kind: "tax", cells} is a bad row kind, not "not an array".
 */
export function specificIssues(issue: v.BaseIssue<unknown>): v.BaseIssue<unknown>[] {
  if (issue.type !== 'union' || !issue.issues?.length) return [issue]
  // an option's issues are located relative to the union's value
  const base = issue.path ?? []
  const subs = issue.issues.map((i) => ({ ...i, path: [...base, ...(i.path ?? [])] }) as v.BaseIssue<unknown>)
  const depth = (i: v.BaseIssue<unknown>) => i.path?.length ?? 0
  const deepest = Math.max(...subs.map(depth))
  if (deepest <= base.length) return [issue]
  return subs.filter((i) => depth(i) === deepest).flatMap(specificIssues)
}

/** Maps one valibot issue (messages are our codes) to a FeedIssue. */
export function fromValibot(issue: v.BaseIssue<unknown>): FeedIssue {
  const parts = (issue.path ?? []).map((p) => p.key as string | number)
  let code = issue.message
  if (issue.input === undefined && issue.kind === 'schema' && issue.type !== 'variant') code = 'missing'
  else if (issue.type === 'object' && code !== 'missing') code = 'object'
  if (!hasReason(code)) code = hasReason(issue.type) ? issue.type : 'invalid'
  return issueAt(parts, code as ReasonCode)
}
