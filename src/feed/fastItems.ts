/**
 * A hand-written fast path for the one big part of a feed: its items.
 *
 * `fastItem` accepts an item only when the lenient restore (restore.ts) would
 * leave it untouched and the valibot item schema (schema.ts) would accept it,
 * and then returns exactly what valibot would output (unknown keys dropped,
 * defaults filled, strings trimmed where the schema trims). Anything else —
 * an unknown key, a field restore would drop, a value of the wrong shape —
 * returns null, and validate.ts runs the full valibot path, which finds the
 * same problems with the same zh/en messages as before. So this may only ever
 * be stricter than the schema, never more lenient: test/unit/feed/fastItems.test.ts
 * compares both on every validator case and on thousands of mutated items.
 *
 * Why: valibot spends ≈ 40 % of a 10,000-notice apply walking these items.
 */
import { CELL_MAX, ID_PATTERN, ITEM_ID_MAX, ROW_KINDS, isRfc3339, type FeedItem } from './schema'

type Json = Record<string, unknown>

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x)
const isString = (x: unknown): x is string => typeof x === 'string'
/** `url` in schema.ts: 1 to 4096 characters */
const isUrl = (x: unknown): x is string => typeof x === 'string' && x.length >= 1 && x.length <= 4096
/** restore.ts drops '' and null in its optional fields (with a warning): such an item takes the full path */
const isId = (x: unknown): x is string => typeof x === 'string' && ID_PATTERN.test(x)
const isDateTime = (x: unknown): x is string => typeof x === 'string' && isRfc3339(x)
const SHA256 = /^[0-9a-f]{64}$/
const TABLE_KINDS = new Set(['plain', 'finance', 'list'])
const ROW_KIND_SET = new Set<string>(ROW_KINDS)

/** Every key of `o` is one of `known` (unknown keys send the item down the full path). */
function onlyKnown(o: Json, known: ReadonlySet<string>): boolean {
  for (const k in o) if (!known.has(k)) return false
  return true
}

type Author = NonNullable<FeedItem['authors']>[number]
const AUTHOR_KEYS = new Set(['name', 'url', 'avatar'])
function author(a: unknown): Author | null {
  if (!isObject(a) || !onlyKnown(a, AUTHOR_KEYS)) return null
  const out: Author = {}
  if ('name' in a) {
    if (!isString(a.name)) return null
    out.name = a.name
  }
  if ('url' in a) {
    if (!isUrl(a.url)) return null
    out.url = a.url
  }
  if ('avatar' in a) {
    if (!isUrl(a.avatar)) return null
    out.avatar = a.avatar
  }
  return out
}

const ATTACHMENT_KEYS = new Set(['url', 'mime_type', 'title', 'size_in_bytes', 'duration_in_seconds', '_gongkai'])
type Attachment = NonNullable<FeedItem['attachments']>[number]
function attachment(a: unknown): Attachment | null {
  if (!isObject(a) || !onlyKnown(a, ATTACHMENT_KEYS)) return null
  if (!isUrl(a.url) || !isString(a.mime_type)) return null
  const mime = a.mime_type.trim()
  if (mime.length < 1) return null
  const out: Attachment = { url: a.url, mime_type: mime }
  if ('title' in a) {
    if (!isString(a.title)) return null
    out.title = a.title
  }
  if ('size_in_bytes' in a) {
    const n = a.size_in_bytes
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return null
    out.size_in_bytes = n
  }
  if ('duration_in_seconds' in a) {
    const n = a.duration_in_seconds
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return null
    out.duration_in_seconds = n
  }
  if ('_gongkai' in a) {
    const g = a._gongkai
    if (!isObject(g) || !onlyKnown(g, SHA_KEYS) || !isString(g.sha256) || !SHA256.test(g.sha256)) return null
    out._gongkai = { sha256: g.sha256 }
  }
  return out
}
const SHA_KEYS = new Set(['sha256'])

type Table = NonNullable<NonNullable<FeedItem['_gongkai']>['table']>
const TABLE_KEYS = new Set(['kind', 'caption', 'unit', 'columns', 'rows'])
const ROW_KEYS = new Set(['kind', 'cells'])
function table(t: unknown): Table | null {
  if (!isObject(t) || !onlyKnown(t, TABLE_KEYS)) return null
  let kind: Table['kind'] = 'plain'
  if ('kind' in t) {
    if (!isString(t.kind) || !TABLE_KINDS.has(t.kind)) return null
    kind = t.kind as Table['kind']
  }
  let caption = ''
  if ('caption' in t) {
    if (!isString(t.caption)) return null
    caption = t.caption
  }
  let unit = ''
  if ('unit' in t) {
    if (!isString(t.unit)) return null
    unit = t.unit
  }
  if (!Array.isArray(t.columns) || t.columns.length < 1 || !Array.isArray(t.rows)) return null
  const columns: string[] = new Array(t.columns.length)
  for (let i = 0; i < t.columns.length; i++) {
    const c: unknown = t.columns[i]
    if (!isString(c)) return null
    const trimmed = c.trim()
    if (trimmed.length < 1) return null
    columns[i] = trimmed
  }
  const rows: Table['rows'] = new Array(t.rows.length)
  for (let r = 0; r < t.rows.length; r++) {
    const row: unknown = t.rows[r]
    // a row in its short form (a plain array of cells) takes the full path, which expands it
    if (!isObject(row) || !onlyKnown(row, ROW_KEYS)) return null
    let rowKind: Table['rows'][number]['kind'] = 'data'
    if ('kind' in row) {
      if (!isString(row.kind) || !ROW_KIND_SET.has(row.kind)) return null
      rowKind = row.kind as typeof rowKind
    }
    const cells: unknown = row.cells
    if (!Array.isArray(cells) || cells.length !== columns.length) return null
    const out: (string | number | null)[] = new Array(cells.length)
    for (let i = 0; i < cells.length; i++) {
      const c: unknown = cells[i]
      if (c === null || (typeof c === 'number' && Number.isFinite(c)) || (typeof c === 'string' && c.length <= CELL_MAX)) out[i] = c
      else return null
    }
    rows[r] = { kind: rowKind, cells: out }
  }
  return { kind, caption, unit, columns, rows }
}

type ItemExtension = NonNullable<FeedItem['_gongkai']>
const EXT_KEYS = new Set(['category', 'checklist_item', 'expires', 'pinned', 'urgent', 'table'])
function extension(g: unknown): ItemExtension | null {
  if (!isObject(g) || !onlyKnown(g, EXT_KEYS)) return null
  const out = {} as ItemExtension
  if ('category' in g) {
    if (!isId(g.category)) return null
    out.category = g.category
  }
  if ('checklist_item' in g) {
    if (!isId(g.checklist_item)) return null
    out.checklist_item = g.checklist_item
  }
  if ('expires' in g) {
    if (!isDateTime(g.expires)) return null
    out.expires = g.expires
  }
  out.pinned = false
  if ('pinned' in g) {
    if (typeof g.pinned !== 'boolean') return null
    out.pinned = g.pinned
  }
  out.urgent = false
  if ('urgent' in g) {
    if (typeof g.urgent !== 'boolean') return null
    out.urgent = g.urgent
  }
  if ('table' in g) {
    const t = table(g.table)
    if (!t) return null
    out.table = t
  }
  return out
}

const ITEM_KEYS = new Set([
  'id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image', 'banner_image',
  'date_published', 'date_modified', 'authors', 'tags', 'language', 'attachments', '_gongkai',
])
/** optional strings restore.ts drops when empty */
const NON_EMPTY_OPTIONAL = ['title', 'summary', 'language'] as const
const URLS = ['url', 'external_url', 'image', 'banner_image'] as const

/** The valibot output for a well-formed item, or null when the full path must judge it. */
export function fastItem(item: unknown): FeedItem | null {
  if (!isObject(item) || !onlyKnown(item, ITEM_KEYS)) return null
  const rawId = item.id
  let id: string
  if (typeof rawId === 'string') id = rawId
  else if (typeof rawId === 'number' && Number.isInteger(rawId)) id = String(rawId)
  else return null
  if (id.trim() === '' || id.length > ITEM_ID_MAX) return null
  // keys in the schema's order, as valibot writes them
  const out = { id } as FeedItem
  for (const k of URLS.slice(0, 2)) {
    if (k in item) {
      if (!isUrl(item[k])) return null
      out[k] = item[k]
    }
  }
  for (const k of ['title', 'content_html', 'content_text', 'summary'] as const) {
    if (k in item) {
      const s = item[k]
      if (!isString(s)) return null
      if (s === '' && (NON_EMPTY_OPTIONAL as readonly string[]).includes(k)) return null
      out[k] = s
    }
  }
  for (const k of URLS.slice(2)) {
    if (k in item) {
      if (!isUrl(item[k])) return null
      out[k] = item[k]
    }
  }
  for (const k of ['date_published', 'date_modified'] as const) {
    if (k in item) {
      if (!isDateTime(item[k])) return null
      out[k] = item[k]
    }
  }
  if ('authors' in item) {
    if (!Array.isArray(item.authors)) return null
    const authors: NonNullable<FeedItem['authors']> = new Array(item.authors.length)
    for (let i = 0; i < item.authors.length; i++) {
      const a = author(item.authors[i])
      if (!a) return null
      authors[i] = a
    }
    out.authors = authors
  }
  if ('tags' in item) {
    const tags: unknown = item.tags
    if (!Array.isArray(tags)) return null
    for (const t of tags) if (!isString(t)) return null
    out.tags = tags.slice() as string[]
  }
  if ('language' in item) {
    if (!isString(item.language) || item.language === '') return null
    out.language = item.language
  }
  if ('attachments' in item) {
    if (!Array.isArray(item.attachments)) return null
    const list: Attachment[] = new Array(item.attachments.length)
    for (let i = 0; i < item.attachments.length; i++) {
      const a = attachment(item.attachments[i])
      if (!a) return null
      list[i] = a
    }
    out.attachments = list
  }
  if ('_gongkai' in item) {
    const g = extension(item._gongkai)
    if (!g) return null
    out._gongkai = g
  }
  return out
}

/** Every item through the fast path, or null as soon as one needs the full path. */
export function fastItems(items: readonly unknown[]): FeedItem[] | null {
  const out: FeedItem[] = new Array(items.length)
  for (let i = 0; i < items.length; i++) {
    const item = fastItem(items[i])
    if (!item) return null
    out[i] = item
  }
  return out
}
