/**
 * The feed a publication makes: the village's last published document with a
 * notice put in, taken out, or an old revision brought back. The checks are
 * the CLI's own (lintDocument, diffContent); nothing here re-implements a rule.
 */
import { lintDocument, type LintFinding } from '../../../src/feed/lint'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import { diffContent, type DiffLine } from '../../../cli/commands/diff'
import { chinaDateTime } from '../../../cli/io'

export type FeedDoc = Record<string, unknown> & { items: FeedItem[]; _gongkai: Record<string, unknown> & { revision?: number } }
export type FeedItem = Record<string, unknown> & { id: string; title?: string }

export interface VillageInfo {
  code: string
  name: string
  township: string
  county: string
}

/** The document of a village that has never published: no notices, one category. */
export function emptyDocument(v: VillageInfo, now: Date): FeedDoc {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${v.name} 村务公开`,
    language: 'zh-CN',
    items: [],
    _gongkai: {
      schema: 1,
      revision: 1,
      generated_at: chinaDateTime(now),
      village: { code: v.code, name: v.name, township: v.township, county: v.county },
      categories: [{ id: 'notices', title: '公告' }],
    },
  }
}

export function parseDocument(bytes: Uint8Array): FeedDoc {
  return JSON.parse(new TextDecoder().decode(bytes)) as FeedDoc
}

/** `doc` with `item` in place of the notice of the same id, or first when it is new; a fresh generated_at; no revision (publish sets it). */
export function withItem(doc: FeedDoc, item: FeedItem, now: Date): FeedDoc {
  const out = structuredClone(doc)
  const at = out.items.findIndex((i) => String(i.id) === item.id)
  if (at >= 0) out.items[at] = item
  else out.items.unshift(item)
  return stamp(out, now)
}

export function withoutItem(doc: FeedDoc, id: string, now: Date): FeedDoc {
  const out = structuredClone(doc)
  out.items = out.items.filter((i) => String(i.id) !== id)
  return stamp(out, now)
}

/** an old document to publish again: the next revision number is given by publishFeed */
export function stamp(doc: FeedDoc, now: Date): FeedDoc {
  const out = structuredClone(doc)
  delete out._gongkai.revision
  out._gongkai.generated_at = chinaDateTime(now)
  return out
}

/** a revision for lint and diff to read (they need one; publish replaces it) */
const numbered = (doc: FeedDoc): FeedDoc => ({ ...doc, _gongkai: { ...doc._gongkai, revision: doc._gongkai.revision ?? 1 } })

/**
 * The findings of the CLI's lint that concern one notice: its own (by target
 * or by path) and the feed-wide schema errors that point into it.
 */
export function findingsFor(doc: FeedDoc, itemId: string, today: string): LintFinding[] {
  const index = doc.items.findIndex((i) => String(i.id) === itemId)
  const prefix = `items[${index}]`
  return lintDocument(numbered(doc), { today }).findings.filter((f) => f.target === itemId || f.path === prefix || f.path.startsWith(`${prefix}.`) || f.path.startsWith(`${prefix}[`))
}

/** What a publication adds, changes and removes, in words (the CLI's diff). */
export function describeChange(before: FeedDoc | null, after: FeedDoc): DiffLine[] {
  const content = (d: FeedDoc) => {
    const v = validateFeed(numbered(d))
    return v.ok ? normalizeFeed(v.feed, 'https://feed.invalid/feed.json') : null
  }
  const b = before ? content(before) : null
  const a = content(after)
  if (!a) return []
  if (!b) return a.notices.map((n) => ({ kind: 'added' as const, what: '公告 notice', text: `${n.id}「${n.title}」` }))
  return diffContent(b, a)
}
