import { describe, expect, it } from 'vitest'
import { parseFeedText, validateFeed } from '../../../src/feed/validate'
import { issueMessage } from '../../../src/feed/issues'
import { baseFeed, plainFeed, type Json } from '../../support/feeds'
import { en, zh } from '../../support/words'

type Case = [name: string, mutate: (f: Json) => unknown, path: string, code: string]

/** Each malformed feed is refused with the JSON path and the reason. */
const rejected: Case[] = [
  ['wrong version', (f) => (f.version = 'https://jsonfeed.org/version/2'), 'version', 'feed_version'],
  ['missing title', (f) => delete f.title, 'title', 'missing'],
  ['empty title', (f) => (f.title = '  '), 'title', 'non_empty'],
  ['items not an array', (f) => (f.items = {}), 'items', 'array'],
  ['missing items', (f) => delete f.items, 'items', 'missing'],
  ['schema version 2', (f) => (f._gongkai.schema = 2), '_gongkai.schema', 'schema_version'],
  ['revision is a string', (f) => (f._gongkai.revision = '3'), '_gongkai.revision', 'number'],
  ['revision is fractional', (f) => (f._gongkai.revision = 1.5), '_gongkai.revision', 'integer'],
  ['revision is zero', (f) => (f._gongkai.revision = 0), '_gongkai.revision', 'positive'],
  ['generated_at not a date-time', (f) => (f._gongkai.generated_at = '2026-11-27'), '_gongkai.generated_at', 'date_time'],
  ['generated_at impossible date', (f) => (f._gongkai.generated_at = '2026-02-30T08:00:00+08:00'), '_gongkai.generated_at', 'date_time'],
  ['village without name', (f) => delete f._gongkai.village.name, '_gongkai.village.name', 'missing'],
  ['no categories', (f) => (f._gongkai.categories = []), '_gongkai.categories', 'non_empty_array'],
  ['duplicate category id', (f) => f._gongkai.categories.push({ id: 'party', title: '又一个' }), '_gongkai.categories[3].id', 'duplicate_id'],
  ['checklist frequency unknown', (f) => (f._gongkai.checklist[0].frequency = { type: 'weekly' }), '_gongkai.checklist[0].frequency.type', 'frequency'],
  ['publicity without days', (f) => (f._gongkai.checklist[1].frequency = { type: 'publicity' }), '_gongkai.checklist[1].frequency.days', 'missing'],
  ['publicity with 0 days', (f) => (f._gongkai.checklist[1].frequency.days = 0), '_gongkai.checklist[1].frequency.days', 'positive'],
  ['checklist channels not a list', (f) => (f._gongkai.checklist[0].channels = '公开栏'), '_gongkai.checklist[0].channels', 'array'],
  ['checklist item in unknown category', (f) => (f._gongkai.checklist[0].category = 'nope'), '_gongkai.checklist[0].category', 'unknown_category'],
  ['duplicate checklist id', (f) => (f._gongkai.checklist[1].id = 'CF-01'), '_gongkai.checklist[1].id', 'duplicate_id'],
  ['chapter without markdown', (f) => delete f._gongkai.handbook.chapters[0].content_markdown, '_gongkai.handbook.chapters[0].content_markdown', 'missing'],
  ['item without id', (f) => delete f.items[0].id, 'items[0].id', 'missing'],
  ['duplicate item ids', (f) => (f.items[1].id = 'N-1'), 'items[1].id', 'duplicate_id'],
  ['blank item id', (f) => (f.items[0].id = '  '), 'items[0].id', 'item_id'],
  ['item without content', (f) => delete f.items[0].content_text, 'items[0]', 'no_content'],
  ['expires not RFC 3339', (f) => (f.items[3 - 3]._gongkai.expires = '2026/12/03'), 'items[0]._gongkai.expires', 'date_time'],
  ['expires before published', (f) => (f.items[0]._gongkai.expires = '2026-11-01T00:00:00+08:00'), 'items[0]._gongkai.expires', 'expires_before_start'],
  ['expires without published', (f) => delete f.items[0].date_published, 'items[0].date_published', 'expires_needs_start'],
  ['malformed date_published on an item of ours', (f) => (f.items[0].date_published = 'yesterday'), 'items[0].date_published', 'date_time'],
  ['unknown category on item', (f) => (f.items[0]._gongkai.category = 'sports'), 'items[0]._gongkai.category', 'unknown_category'],
  ['unknown checklist item', (f) => (f.items[0]._gongkai.checklist_item = 'XX-99'), 'items[0]._gongkai.checklist_item', 'unknown_checklist_item'],
  ['pinned is a string', (f) => (f.items[1]._gongkai.pinned = 'yes'), 'items[1]._gongkai.pinned', 'boolean'],
  ['table row too short', (f) => f.items[1]._gongkai.table.rows.push({ cells: ['合计'] }), 'items[1]._gongkai.table.rows', 'row_width'],
  ['table cell is an object', (f) => (f.items[1]._gongkai.table.rows[0].cells[1] = { v: 1 }), 'items[1]._gongkai.table.rows[0].cells[1]', 'cell'],
  ['table cell text too long', (f) => (f.items[1]._gongkai.table.rows[0].cells[0] = '字'.repeat(2001)), 'items[1]._gongkai.table.rows[0].cells[0]', 'too_long'],
  ['table cell is a boolean in a short-form row', (f) => f.items[1]._gongkai.table.rows.push(['合计', true]), 'items[1]._gongkai.table.rows[2][1]', 'cell'],
  ['table row kind unknown', (f) => (f.items[1]._gongkai.table.rows[0].kind = 'tax'), 'items[1]._gongkai.table.rows[0].kind', 'row_kind'],
  ['table without columns', (f) => (f.items[1]._gongkai.table.columns = []), 'items[1]._gongkai.table.columns', 'non_empty_array'],
  ['attachment hash malformed', (f) => (f.items[0].attachments = [{ url: 'a.pdf', mime_type: 'application/pdf', _gongkai: { sha256: 'abc' } }]), 'items[0].attachments[0]._gongkai.sha256', 'sha256'],
  ['holiday not a date', (f) => (f._gongkai.holidays = ['2026-13-01']), '_gongkai.holidays[0]', 'date'],
]

describe('validateFeed: refused feeds', () => {
  it.each(rejected)('%s → %s', (_name, mutate, path, code) => {
    const feed = baseFeed()
    mutate(feed)
    const r = validateFeed(feed)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.map((e) => [e.path, e.code])).toContainEqual([path, code])
    const e = r.errors.find((x) => x.path === path)!
    expect(zh(issueMessage(e))).toMatch(/[\u4e00-\u9fff]/)
    expect(en(issueMessage(e))).toMatch(/[a-z]/)
  })

  it('reports every error at once, not just the first', () => {
    const feed = baseFeed()
    feed.items[0]._gongkai.expires = 'soon'
    feed._gongkai.revision = -1
    const r = validateFeed(feed)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['items[0]._gongkai.expires', '_gongkai.revision']))
  })

  it('locates an issue by its path and words its reason in Chinese and English', () => {
    const feed = baseFeed()
    feed.items[3 - 3]._gongkai.expires = 'soon'
    const r = validateFeed(feed)
    const e = r.ok ? null : r.errors[0]!
    expect(e && [e.path, zh(issueMessage(e)), en(issueMessage(e))]).toEqual(['items[0]._gongkai.expires', '应为 RFC 3339 日期时间，例如 2026-10-05T18:00:00+08:00', 'expected an RFC 3339 date-time, e.g. 2026-10-05T18:00:00+08:00'])
  })
})

describe('parseFeedText', () => {
  it('names an HTML page (captive portal) instead of JSON', () => {
    const r = parseFeedText('<!doctype html><html><body>请登录 Wi-Fi</body></html>')
    expect(r.ok ? null : r.errors[0]!.code).toBe('not_json_html')
  })
  it('names truncated JSON', () => {
    const text = JSON.stringify(baseFeed())
    const r = parseFeedText(text.slice(0, text.length / 2))
    expect(r.ok ? null : r.errors[0]!.code).toBe('not_json')
  })
  it('refuses a JSON array', () => {
    expect(parseFeedText('[1,2]').ok).toBe(false)
  })
})

describe('validateFeed: accepted feeds', () => {
  it('accepts the base feed without warnings', () => {
    const r = validateFeed(baseFeed())
    expect(r.ok && r.warnings).toEqual([])
  })

  it('accepts a plain JSON Feed 1.0 and coerces a numeric id to a string', () => {
    const r = validateFeed(plainFeed())
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.feed.items[0]!.id).toBe('1')
  })

  it('drops a malformed optional field of a plain feed with a warning', () => {
    const f = plainFeed()
    f.home_page_url = ''
    f.items[0].date_published = 'last Tuesday'
    f.items[0].tags = 'news'
    const r = validateFeed(f)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.feed.home_page_url).toBeUndefined()
    expect(r.warnings.map((w) => [w.path, w.code])).toEqual([
      ['home_page_url', 'dropped_optional'],
      ['items[0].date_published', 'dropped_optional'],
      ['items[0].tags', 'dropped_optional'],
    ])
  })

  it('drops a plain item field of the wrong type, and a bad attachment of an item that is otherwise fine', () => {
    const f = plainFeed()
    f.items[0].title = 42
    f.items[0].summary = ''
    f.items.push({ id: '2', content_text: '二', attachments: [{ url: 'https://x.example/a.pdf', mime_type: 'application/pdf' }, { url: '' }] })
    const r = validateFeed(f)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.feed.items[0]!.title).toBeUndefined()
    expect(r.feed.items[1]!.attachments).toEqual([{ url: 'https://x.example/a.pdf', mime_type: 'application/pdf' }])
    expect(r.warnings.map((w) => [w.path, w.code])).toEqual([
      ['items[0].title', 'dropped_optional'],
      ['items[0].summary', 'dropped_optional'],
      ['items[1].attachments[1]', 'dropped_optional'],
    ])
  })

  it('leaves the feed it was given as it was (what it drops is dropped from its own copy)', () => {
    const f = plainFeed()
    f.home_page_url = ''
    f.author = { name: '镇政府' }
    f.items[0].tags = 'news'
    f.items[0].author = { name: '村委会' }
    f.items[0].attachments = [{ url: '' }]
    const before = structuredClone(f)
    expect(validateFeed(f).ok).toBe(true)
    expect(f).toStrictEqual(before)
  })

  it("upgrades JSON Feed 1.0's single author to authors", () => {
    const f = plainFeed()
    f.author = { name: '镇政府' }
    const r = validateFeed(f)
    expect(r.ok && r.feed.authors).toEqual([{ name: '镇政府' }])
  })

  it('drops a bad 1.0 author instead of refusing the feed', () => {
    const f = plainFeed()
    f.author = { name: 42 }
    const r = validateFeed(f)
    expect(r.ok).toBe(true)
    expect(r.warnings.map((w) => w.path)).toContain('authors')
  })

  it('ignores unknown extension keys, as JSON Feed requires', () => {
    const f = baseFeed()
    f._other = { anything: true }
    f.items[0]._weather = 'sunny'
    expect(validateFeed(f).ok).toBe(true)
  })

  it('still checks _gongkai strictly in an otherwise sloppy feed', () => {
    const f = baseFeed()
    f.home_page_url = ''
    f.items[0]._gongkai.urgent = 'very'
    const r = validateFeed(f)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['items[0]._gongkai.urgent'])
  })

  it('accepts leap days and offsets in date-times', () => {
    const f = baseFeed()
    f.items[0].date_published = '2028-02-29T23:59:59.5-05:00'
    f.items[0]._gongkai.expires = '2028-03-10T00:00:00Z'
    expect(validateFeed(f).ok).toBe(true)
  })
})
