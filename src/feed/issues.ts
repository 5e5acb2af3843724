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

/** the inverse of formatPath: "items[3]._gongkai.expires" → ['items', 3, '_gongkai', 'expires'] */
export function parsePath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!))
}

export function issueAt(parts: readonly (string | number)[], code: string): FeedIssue {
  return { path: formatPath(parts), code, ...reason(code) }
}

/** "items[3]._gongkai.expires: 应为 RFC 3339 日期时间，例如 2026-10-05T18:00:00+08:00 / expected an RFC 3339 date-time, e.g. 2026-10-05T18:00:00+08:00" */
export function describeIssue(i: FeedIssue): string {
  return `${i.path || '(feed)'}: ${i.zh} / ${i.en}`
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
  return issueAt(parts, code)
}
