/**
 * Lenient pre-pass over the plain JSON Feed fields (Excalidraw's "restore" idea).
 *
 * Feeds in the wild are sloppy in optional fields: an empty home_page_url, JSON
 * Feed 1.0's single `author`. Such a field is dropped with a warning instead of
 * refusing the feed. The `_gongkai` extension is ours and is never relaxed, and
 * neither is `date_published` on an item that carries `_gongkai` (it opens the
 * 公示 window).
 */
import * as v from 'valibot'
import { attachmentSchema, authorSchema, dateTime, feedSchema, itemSchema } from './schema'
import type { FeedIssue } from './issues'
import { issueAt } from './issues'

type Json = Record<string, unknown>

const FEED_OPTIONAL = ['home_page_url', 'feed_url', 'description', 'user_comment', 'next_url', 'icon', 'favicon', 'language', 'expired', 'authors'] as const
const ITEM_OPTIONAL = ['url', 'external_url', 'title', 'summary', 'image', 'banner_image', 'date_published', 'date_modified', 'authors', 'tags', 'language'] as const

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

function fieldSchema(entries: Record<string, v.GenericSchema>, key: string): v.GenericSchema | undefined {
  const s = entries[key]
  // unwrap v.optional(...) to check a present value
  return s && 'wrapped' in s ? (s as unknown as { wrapped: v.GenericSchema }).wrapped : s
}

/** whether a present optional field is to be dropped; v.string() alone (title, summary…) is answered without a valibot run */
function isBad(value: unknown, schema: v.GenericSchema): boolean {
  if (value === '' || value === null) return true
  if (schema.type === 'string' && !('pipe' in schema)) return typeof value !== 'string'
  return !v.safeParse(schema, value).success
}

function dropIfBad(obj: Json, key: string, schema: v.GenericSchema | undefined, path: (string | number)[], warnings: FeedIssue[]) {
  if (!(key in obj) || !schema) return
  if (isBad(obj[key], schema)) {
    delete obj[key]
    warnings.push(issueAt([...path, key], 'dropped_optional'))
  }
}

type FieldSchemas = [key: string, schema: v.GenericSchema | undefined][]
/**
 * The schema.ts schema of each optional field, looked up once: a 10,000-item
 * feed would otherwise build `v.array(authorSchema)` and unwrap each field's
 * schema 110,000 times.
 */
const { feedFields, itemFields } = ((): { feedFields: FieldSchemas; itemFields: FieldSchemas } => {
  const feedEntries = feedSchema.entries as unknown as Record<string, v.GenericSchema>
  const itemEntries = itemSchema.entries as unknown as Record<string, v.GenericSchema>
  const authors = v.array(authorSchema)
  return {
    feedFields: FEED_OPTIONAL.map((key): FieldSchemas[number] => [key, key === 'authors' ? authors : (fieldSchema(feedEntries, key) ?? v.string())]),
    itemFields: ITEM_OPTIONAL.map((key): FieldSchemas[number] => [key, key === 'authors' ? authors : key.startsWith('date_') ? dateTime : fieldSchema(itemEntries, key)]),
  }
})()

/** Turns JSON Feed 1.0's `author` into 1.1's `authors`. */
function upgradeAuthor(obj: Json) {
  if ('author' in obj) {
    if (!('authors' in obj) && isObject(obj.author)) obj.authors = [obj.author]
    delete obj.author
  }
}

function isKeptAttachment(a: unknown): boolean {
  // one carrying _gongkai (a hash) is ours: kept for the strict checks
  return (isObject(a) && '_gongkai' in a) || v.safeParse(attachmentSchema, a).success
}

function restoreAttachments(item: Json, path: (string | number)[], warnings: FeedIssue[]) {
  if (!('attachments' in item)) return
  if (!Array.isArray(item.attachments)) {
    delete item.attachments
    warnings.push(issueAt([...path, 'attachments'], 'dropped_optional'))
    return
  }
  // a bad attachment in a plain item is dropped
  item.attachments = item.attachments.filter((a: unknown, i: number) => {
    const ok = isKeptAttachment(a)
    if (!ok) warnings.push(issueAt([...path, 'attachments', i], 'dropped_optional'))
    return ok
  })
}

function restoreItem(original: Json, path: (string | number)[], warnings: FeedIssue[]): Json {
  // a copy of every item, changed or not: valibot then reads objects made by the spread rather than JSON.parse's,
  // and ran slower on the parser's own (sessions 10, 14 and 16 measured copy-on-change: no faster in Chromium 109)
  const item: Json = { ...original }
  upgradeAuthor(item)
  const ours = '_gongkai' in item
  for (const [key, schema] of itemFields) {
    if (ours && key === 'date_published') continue
    dropIfBad(item, key, schema, path, warnings)
  }
  restoreAttachments(item, path, warnings)
  return item
}

/**
 * Returns a cleaned copy of `input` plus warnings. Never throws; required
 * fields and `_gongkai` are left for the strict schema to judge. Only the keys
 * of the feed and of its items are changed, so only those objects are copied:
 * a deep copy of a 10,000-item feed cost more than the schema itself. `input`
 * is never changed.
 */
export function restoreFeed(input: unknown): { value: unknown; warnings: FeedIssue[] } {
  const warnings: FeedIssue[] = []
  if (!isObject(input)) return { value: input, warnings }
  const feed: Json = { ...input }
  upgradeAuthor(feed)
  for (const [key, schema] of feedFields) dropIfBad(feed, key, schema, [], warnings)
  if (Array.isArray(feed.items)) {
    feed.items = feed.items.map((original: unknown, i: number) => (isObject(original) ? restoreItem(original, ['items', i], warnings) : original))
  }
  return { value: feed, warnings }
}
