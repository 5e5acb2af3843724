/** A problem found in a feed, located by its JSON path, with a bilingual reason. */
import type * as v from 'valibot'
import { hasReason, reason } from './messages'

export interface FeedIssue {
  /** e.g. items[3]._gongkai.expires; empty for the whole document */
  path: string
  code: string
  zh: string
  en: string
}

export function formatPath(parts: readonly (string | number)[]): string {
  let out = ''
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`
    else out += out ? `.${p}` : p
  }
  return out
}

export function issueAt(parts: readonly (string | number)[], code: string): FeedIssue {
  return { path: formatPath(parts), code, ...reason(code) }
}

/** "items[3]._gongkai.expires: 应为 RFC 3339 日期时间 / expected an RFC 3339 date-time" */
export function describeIssue(i: FeedIssue): string {
  return `${i.path || '(feed)'}: ${i.zh} / ${i.en}`
}

/** Maps one valibot issue (messages are our codes) to a FeedIssue. */
export function fromValibot(issue: v.BaseIssue<unknown>): FeedIssue {
  const parts = (issue.path ?? []).map((p) => p.key as string | number)
  let code = issue.message
  if (issue.input === undefined && issue.kind === 'schema' && issue.type !== 'variant') code = 'missing'
  else if (issue.type === 'object' && code !== 'missing') code = 'object'
  if (!hasReason(code)) code = hasReason(issue.type) ? issue.type : 'invalid'
  return issueAt(parts, code)
}
