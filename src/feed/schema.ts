/**
 * The one schema source for feed format v1 (docs/feed-format.md).
 *
 * A feed is a JSON Feed 1.1 document; `_gongkai` keys carry what JSON Feed lacks.
 * These valibot schemas drive the runtime validator (feed/validate.ts), the
 * TypeScript types (feed/types.ts) and public/feed.schema.json (npm run schema).
 *
 * Messages are reason codes (feed/issues.ts REASON_CODES), worded in src/i18n/locales/<locale>/feed.json.
 */
import * as v from 'valibot'

/** RFC 3339 date-time, e.g. 2026-11-27T09:00:00+08:00 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/
/** A calendar date, e.g. 2026-10-01 (holiday lists) */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * Whether y-m-d is a calendar day (proleptic Gregorian). Years below 100 are
 * refused, as Date.UTC (which this replaced: it allocated a Date per call, and
 * a feed has tens of thousands of dates) reads them as 1900–1999.
 */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 100 || m < 1 || m > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)
}

/** answers by value: a feed's tens of thousands of dates are a few hundred distinct strings (bounded, emptied when full) */
const rfc3339Seen = new Map<string, boolean>()
const SEEN_MAX = 4096

export function isRfc3339(s: string): boolean {
  let ok = rfc3339Seen.get(s)
  if (ok === undefined) {
    if (rfc3339Seen.size >= SEEN_MAX) rfc3339Seen.clear()
    ok = checkRfc3339(s)
    rfc3339Seen.set(s, ok)
  }
  return ok
}

function checkRfc3339(s: string): boolean {
  const m = RFC3339.exec(s)
  if (!m) return false
  const [, y, mo, d, h, mi, se, , offset] = m
  // :60 (a leap second) is refused too: Date cannot hold it, and a notice never needs it
  if (!(isRealDate(+y!, +mo!, +d!) && +h! < 24 && +mi! < 60 && +se! < 60)) return false
  // offsets exist from -12:00 to +14:00; +99:99 is no time zone
  return offset!.length === 1 || (+offset!.slice(1, 3) <= 14 && +offset!.slice(4, 6) < 60)
}

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s)
  return !!m && isRealDate(+m[1]!, +m[2]!, +m[3]!)
}

export const dateTime = v.pipe(v.string('string'), v.regex(RFC3339, 'date_time'), v.check(isRfc3339, 'date_time'))
export const isoDate = v.pipe(v.string('string'), v.regex(ISO_DATE, 'date'), v.check(isIsoDate, 'date'))
const nonEmpty = v.pipe(v.string('string'), v.trim(), v.minLength(1, 'non_empty'))
/** Ids of categories, checklist items and chapters (and the clerk's own records) appear in routes: URL- and human-friendly. Feed item ids are any string (itemId below). */
export const ID_PATTERN = /^[\w.\-\u4e00-\u9fff]{1,128}$/u
const id = v.pipe(v.string('string'), v.regex(ID_PATTERN, 'id'))
const url = v.pipe(v.string('string'), v.minLength(1, 'url'), v.maxLength(4096, 'url'))
const sha256 = v.pipe(v.string('string'), v.regex(/^[0-9a-f]{64}$/, 'sha256'))
/** A JSON Feed item id is any non-empty string (often a URL); the app derives a safe one for routes (feed/noticeId.ts). */
const ITEM_ID_MAX = 2048
const itemId = v.pipe(
  v.union([v.string('string'), v.pipe(v.number('number'), v.integer('integer'))], 'string'),
  v.transform(String),
  v.check((s) => s.trim().length > 0, 'item_id'),
  v.maxLength(ITEM_ID_MAX, 'item_id'),
)

// ---------------------------------------------------------------- JSON Feed

export const JSON_FEED_VERSIONS = ['https://jsonfeed.org/version/1', 'https://jsonfeed.org/version/1.1'] as const

export const authorSchema = v.object({
  name: v.optional(v.string('string')),
  url: v.optional(url),
  avatar: v.optional(url),
})

export const attachmentSchema = v.object({
  url,
  mime_type: nonEmpty,
  title: v.optional(v.string('string')),
  size_in_bytes: v.optional(v.pipe(v.number('number'), v.integer('integer'), v.minValue(0, 'non_negative'))),
  duration_in_seconds: v.optional(v.pipe(v.number('number'), v.minValue(0, 'non_negative'))),
  _gongkai: v.optional(v.object({ sha256 })),
})

// ---------------------------------------------------------------- _gongkai

export const FREQUENCY_TYPES = ['long_term', 'monthly', 'quarterly', 'semiannual', 'yearly', 'on_event', 'publicity'] as const

const frequencyObject = v.variant('type', [
  v.object({ type: v.picklist(['long_term', 'monthly', 'quarterly', 'semiannual', 'yearly'], 'frequency') }),
  v.object({
    type: v.literal('on_event', 'frequency'),
    /** disclose within N days of the event (随时公开) */
    within_days: v.optional(v.pipe(v.number('number'), v.integer('integer'), v.minValue(0, 'non_negative'))),
  }),
  v.object({
    type: v.literal('publicity', 'frequency'),
    /** the 公示 lasts at least this many days */
    days: v.pipe(v.number('number'), v.integer('integer'), v.minValue(1, 'positive')),
    day_type: v.optional(v.picklist(['calendar', 'working'], 'day_type'), 'calendar'),
  }),
], 'frequency')

/** "publicity:7" (7 calendar days) or "publicity:5:working" */
export const PUBLICITY_SHORT = /^publicity:([1-9]\d{0,3})(?::(calendar|working))?$/

/**
 * 公开时限: the object, or a short form that normalises to it —
 * a word ("monthly", "on_event": {type}) or "publicity:7[:working]".
 */
export const frequencySchema = v.union([
  frequencyObject,
  v.pipe(
    v.picklist(['long_term', 'monthly', 'quarterly', 'semiannual', 'yearly', 'on_event'], 'frequency'),
    v.transform((type) => ({ type }) as v.InferOutput<typeof frequencyObject>),
  ),
  v.pipe(
    v.string('frequency'),
    v.regex(PUBLICITY_SHORT, 'frequency'),
    v.transform((s) => {
      const [, days, dayType] = PUBLICITY_SHORT.exec(s)!
      return { type: 'publicity', days: Number(days), day_type: dayType === 'working' ? 'working' : 'calendar' } as v.InferOutput<typeof frequencyObject>
    }),
  ),
], 'frequency')

export const checklistItemSchema = v.object({
  id,
  category: id,
  title: nonEmpty,
  content: v.string('string'),
  basis: v.string('string'),
  frequency: frequencySchema,
  channels: v.array(nonEmpty, 'array'),
  owner: v.string('string'),
  audience: v.optional(v.string('string'), ''),
})

export const categorySchema = v.object({ id, title: nonEmpty })

export const chapterSchema = v.object({ id, title: nonEmpty, content_markdown: v.string('string') })

export const handbookSchema = v.object({
  title: nonEmpty,
  chapters: v.array(chapterSchema, 'array'),
})

export const villageSchema = v.object({
  code: nonEmpty,
  name: nonEmpty,
  township: v.optional(v.string('string'), ''),
  county: v.optional(v.string('string'), ''),
})

export const pinnedFileSchema = v.object({ url, sha256 })

export const epochSchema = v.object({
  number: v.pipe(v.number('number'), v.integer('integer'), v.minValue(1, 'positive'), v.maxValue(Number.MAX_SAFE_INTEGER, 'integer')),
  /** the key this epoch's feeds are signed with (base64, 32 bytes) */
  public_key: nonEmpty,
  /** Ed25519 by the previous epoch's key or the township root key over epochMessage() (sync/trust.ts), base64 */
  signature: nonEmpty,
})

export const feedExtensionSchema = v.object({
  schema: v.literal(1, 'schema_version'),
  revision: v.pipe(v.number('number'), v.integer('integer'), v.minValue(1, 'positive'), v.maxValue(Number.MAX_SAFE_INTEGER, 'integer')),
  generated_at: dateTime,
  village: villageSchema,
  categories: v.pipe(v.array(categorySchema, 'array'), v.minLength(1, 'non_empty_array')),
  checklist: v.optional(v.array(checklistItemSchema, 'array'), []),
  handbook: v.optional(handbookSchema),
  /** public holidays (YYYY-MM-DD) for working-day 公示 windows */
  holidays: v.optional(v.array(isoDate, 'array'), []),
  /** weekend days that are working days (调休) */
  workdays: v.optional(v.array(isoDate, 'array'), []),
  /** SHA-256 of every image the feed shows (item image, inline <img>, Markdown images): pinned files, required under a key */
  files: v.optional(v.array(pinnedFileSchema, 'array'), []),
  /** township-signed epoch / key-rotation record (docs/feed-format.md "Epochs and key rotation") */
  epoch: v.optional(epochSchema),
})

const CELL_MAX = 2000
const cellText = v.pipe(v.string('string'), v.maxLength(CELL_MAX, 'too_long'))
const cellNumber = v.pipe(v.number('number'), v.finite('number'))
/** a table cell: text, a number, or empty (the JSON Schema's definition `cell`, feed/jsonSchema.ts) */
export const cellSchema = v.nullable(v.union([cellText, cellNumber], 'cell'))
/**
 * The same rule, checked by the value's type: a union tries its options in turn, and every number cell failed
 * the text option first, building an issue it then dropped (tens of thousands on a big feed: ≈ 10 ms of 90).
 */
const cell = v.lazy((input) => (typeof input === 'string' ? cellText : typeof input === 'number' ? cellNumber : cellSchema))

export const ROW_KINDS = ['data', 'opening', 'income', 'income_total', 'expense', 'expense_total', 'closing', 'memo', 'total'] as const
const tableRowObject = v.object({
  kind: v.optional(v.picklist(ROW_KINDS, 'row_kind'), 'data'),
  cells: v.array(cell, 'array'),
})
/** a row as {kind?, cells}, or its short form: the plain array of cells (a data row) */
export const tableRowSchema = v.union([
  tableRowObject,
  v.pipe(v.array(cell, 'array'), v.transform((cells) => ({ kind: 'data', cells }) as v.InferOutput<typeof tableRowObject>)),
], 'row')

export const tableSchema = v.pipe(
  v.object({
    kind: v.optional(v.picklist(['plain', 'finance', 'list'], 'table_kind'), 'plain'),
    caption: v.optional(v.string('string'), ''),
    unit: v.optional(v.string('string'), ''),
    columns: v.pipe(v.array(nonEmpty, 'array'), v.minLength(1, 'non_empty_array')),
    rows: v.array(tableRowSchema, 'array'),
  }),
  v.forward(
    v.check((t) => t.rows.every((r) => r.cells.length === t.columns.length), 'row_width'),
    ['rows'],
  ),
)

export const itemExtensionSchema = v.object({
  category: v.optional(id),
  checklist_item: v.optional(id),
  /** end of the 公示 window; date_published is its start */
  expires: v.optional(dateTime),
  pinned: v.optional(v.boolean('boolean'), false),
  urgent: v.optional(v.boolean('boolean'), false),
  table: v.optional(tableSchema),
})

// ---------------------------------------------------------------- the feed

export const itemSchema = v.object({
  id: itemId,
  url: v.optional(url),
  external_url: v.optional(url),
  title: v.optional(v.string('string')),
  content_html: v.optional(v.string('string')),
  content_text: v.optional(v.string('string')),
  summary: v.optional(v.string('string')),
  image: v.optional(url),
  banner_image: v.optional(url),
  date_published: v.optional(dateTime),
  date_modified: v.optional(dateTime),
  authors: v.optional(v.array(authorSchema, 'array')),
  tags: v.optional(v.array(v.string('string'), 'array')),
  language: v.optional(v.string('string')),
  attachments: v.optional(v.array(attachmentSchema, 'array')),
  _gongkai: v.optional(itemExtensionSchema),
})

export const feedSchema = v.object({
  version: v.picklist(JSON_FEED_VERSIONS, 'feed_version'),
  title: nonEmpty,
  home_page_url: v.optional(url),
  feed_url: v.optional(url),
  description: v.optional(v.string('string')),
  icon: v.optional(url),
  favicon: v.optional(url),
  language: v.optional(v.string('string')),
  authors: v.optional(v.array(authorSchema, 'array')),
  expired: v.optional(v.boolean('boolean')),
  items: v.array(itemSchema, 'array'),
  _gongkai: v.optional(feedExtensionSchema),
})

export type FeedDocument = v.InferOutput<typeof feedSchema>
export type FeedItem = v.InferOutput<typeof itemSchema>
export type FeedExtension = v.InferOutput<typeof feedExtensionSchema>
export type ItemExtension = v.InferOutput<typeof itemExtensionSchema>
export type EpochRecord = v.InferOutput<typeof epochSchema>
export type Frequency = v.InferOutput<typeof frequencySchema>
export type FrequencyType = (typeof FREQUENCY_TYPES)[number]
export type TableRowKind = (typeof ROW_KINDS)[number]
