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
import { CATEGORY_TITLES } from '../../../src/feed/checklistRecord'

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

/** What a draft changes: one notice, the village's whole checklist, or one handbook chapter. */
export type DraftKind = 'notice' | 'checklist' | 'chapter'
export const DRAFT_KINDS: readonly DraftKind[] = ['notice', 'checklist', 'chapter']
/** the item id of a checklist draft: the list is published as a whole */
export const CHECKLIST_ITEM_ID = 'checklist'
export const HANDBOOK_TITLE = '村务公开手册'

type Category = { id: string; title: string }
type Chapter = { id: string; title: string; content_markdown: string }

/** `doc` with the draft's change in place; a category a checklist row names and the village lacks is added. */
export function withDraft(doc: FeedDoc, kind: DraftKind, item: FeedItem, now: Date): FeedDoc {
  if (kind === 'notice') return withItem(doc, item, now)
  const out = stamp(doc, now)
  if (kind === 'checklist') {
    const rows = (Array.isArray(item.checklist) ? item.checklist : []) as { category?: unknown }[]
    const categories = [...((out._gongkai.categories ?? []) as Category[])]
    for (const r of rows) {
      const c = typeof r.category === 'string' ? r.category : ''
      if (c && !categories.some((k) => k.id === c)) categories.push({ id: c, title: CATEGORY_TITLES[c] ?? c })
    }
    out._gongkai.categories = categories
    out._gongkai.checklist = rows
    return out
  }
  const handbook = (out._gongkai.handbook ?? { title: HANDBOOK_TITLE, chapters: [] }) as { title: string; chapters: Chapter[] }
  const chapter: Chapter = { id: item.id, title: String(item.title ?? ''), content_markdown: String(item.content_markdown ?? '') }
  const at = handbook.chapters.findIndex((c) => c.id === item.id)
  if (at >= 0) handbook.chapters[at] = chapter
  else handbook.chapters.push(chapter)
  out._gongkai.handbook = handbook
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

/** The CLI's lint findings that concern a draft of any kind (see findingsFor for notices). */
export function findingsForDraft(doc: FeedDoc, kind: DraftKind, itemId: string, today: string): LintFinding[] {
  if (kind === 'notice') return findingsFor(doc, itemId, today)
  const all = lintDocument(numbered(doc), { today }).findings
  if (kind === 'checklist') return all.filter((f) => f.path.startsWith('_gongkai.checklist') || f.path.startsWith('_gongkai.categories') || f.rule === 'unknown-checklist-item')
  const chapters = ((doc._gongkai.handbook as { chapters?: Chapter[] } | undefined)?.chapters ?? [])
  const prefix = `_gongkai.handbook.chapters[${chapters.findIndex((c) => c.id === itemId)}]`
  return all.filter((f) => f.target === `handbook:${itemId}` || f.path === prefix || f.path.startsWith(`${prefix}.`) || f.path === '_gongkai.handbook')
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
