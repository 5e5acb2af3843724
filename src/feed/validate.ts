/**
 * Feed validation: a lenient restore of plain JSON Feed fields, the strict
 * schema, then cross-reference checks (ids, categories, 公示 windows).
 * A feed with any error is refused whole; warnings never block it.
 */
import * as v from 'valibot'
import { feedSchema, type FeedDocument } from './schema'
import { restoreFeed } from './restore'
import { fromValibot, issueAt, specificIssues, type FeedIssue } from './issues'
import { safeNoticeId } from './noticeId'
import { findDuplicateKey } from './duplicateKeys'

export type ValidationResult =
  | { ok: true; feed: FeedDocument; warnings: FeedIssue[] }
  | { ok: false; errors: FeedIssue[]; warnings: FeedIssue[] }

/** Parses feed bytes or text; names HTML (captive portals) and truncated JSON in plain words. */
export function parseFeedText(text: string): ValidationResult {
  const head = text.trimStart().slice(0, 64).toLowerCase()
  if (head.startsWith('<')) return { ok: false, errors: [issueAt([], 'not_json_html')], warnings: [] }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, errors: [issueAt([], 'not_json')], warnings: [] }
  }
  const duplicate = findDuplicateKey(text, json)
  if (duplicate !== null) return { ok: false, errors: [{ ...issueAt([], 'duplicate_key'), path: duplicate }], warnings: [] }
  return validateFeed(json)
}

function crossCheck(feed: FeedDocument, errors: FeedIssue[], warnings: FeedIssue[]) {
  const ext = feed._gongkai
  const dup = (ids: string[], path: (i: number) => (string | number)[]) => {
    const seen = new Set<string>()
    ids.forEach((id, i) => {
      if (seen.has(id)) errors.push(issueAt(path(i), 'duplicate_id'))
      seen.add(id)
    })
  }
  const itemIds = feed.items.map((it) => it.id)
  const before = errors.length
  dup(itemIds, (i) => ['items', i, 'id'])
  // two ids could in theory derive the same safe id; refuse that too rather than lose a notice. Most feeds'
  // ids are safe as they are (safeNoticeId returns them): then the check above was this one
  if (errors.length === before) {
    const safe = itemIds.map(safeNoticeId)
    if (safe.some((id, i) => id !== itemIds[i])) dup(safe, (i) => ['items', i, 'id'])
  }
  const categories = new Set(ext?.categories.map((c) => c.id) ?? [])
  const checklist = new Set(ext?.checklist.map((c) => c.id) ?? [])
  if (ext) {
    dup(ext.categories.map((c) => c.id), (i) => ['_gongkai', 'categories', i, 'id'])
    dup(ext.checklist.map((c) => c.id), (i) => ['_gongkai', 'checklist', i, 'id'])
    dup(ext.handbook?.chapters.map((c) => c.id) ?? [], (i) => ['_gongkai', 'handbook', 'chapters', i, 'id'])
    ext.checklist.forEach((c, i) => {
      if (!categories.has(c.category)) errors.push(issueAt(['_gongkai', 'checklist', i, 'category'], 'unknown_category'))
    })
  }
  // Date.parse once per distinct string: 10,000 公示 windows repeat a few hundred dates
  const parsedAt = new Map<string, number>()
  const timeOf = (s: string): number => {
    let t = parsedAt.get(s)
    if (t === undefined) parsedAt.set(s, (t = Date.parse(s)))
    return t
  }
  feed.items.forEach((item, i) => {
    if (item.content_html === undefined && item.content_text === undefined) errors.push(issueAt(['items', i], 'no_content'))
    const g = item._gongkai
    if (!g) return
    const at = (key: string) => ['items', i, '_gongkai', key]
    if (g.category !== undefined) {
      if (!ext) warnings.push(issueAt(at('category'), 'ignored_category'))
      else if (!categories.has(g.category)) errors.push(issueAt(at('category'), 'unknown_category'))
    }
    if (g.checklist_item !== undefined && !checklist.has(g.checklist_item)) errors.push(issueAt(at('checklist_item'), 'unknown_checklist_item'))
    if (g.expires !== undefined) {
      if (item.date_published === undefined) errors.push(issueAt(['items', i, 'date_published'], 'expires_needs_start'))
      else if (timeOf(g.expires) <= timeOf(item.date_published)) errors.push(issueAt(at('expires'), 'expires_before_start'))
    }
  })
}

/** One line per path and reason (a value can fail a pattern and a check for the same cause). */
function unique(issues: FeedIssue[]): FeedIssue[] {
  const seen = new Set<string>()
  return issues.filter((i) => {
    const k = `${i.path}\u0000${i.code}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

export function validateFeed(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [issueAt([], 'not_object')], warnings: [] }
  }
  const { value, warnings } = restoreFeed(input)
  const parsed = v.safeParse(feedSchema, value, { abortEarly: false })
  if (!parsed.success) return { ok: false, errors: unique(parsed.issues.flatMap(specificIssues).map(fromValibot)), warnings }
  const errors: FeedIssue[] = []
  crossCheck(parsed.output, errors, warnings)
  if (errors.length) return { ok: false, errors, warnings }
  return { ok: true, feed: parsed.output, warnings }
}
