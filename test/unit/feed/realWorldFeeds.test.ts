/**
 * Feeds as popular generators write them (URL ids, JSON Feed 1.0 `author`,
 * empty optional fields): each is accepted, with exactly the warnings expected,
 * and every notice gets an id safe for a route.
 */
import { describe, expect, it } from 'vitest'
import { validateFeed } from '../../../src/feed/validate'
import { issueMessage } from '../../../src/feed/issues'
import { normalizeFeed } from '../../../src/feed/normalize'
import { baseFeed, type Json } from '../../support/feeds'
import { zh } from '../../support/words'

const hugo: Json = {
  version: 'https://jsonfeed.org/version/1',
  title: 'Bits and Notes',
  home_page_url: 'https://example.org/',
  feed_url: 'https://example.org/index.json',
  description: '',
  author: { name: 'Jane Doe', url: 'https://example.org/about/' },
  items: [
    { id: 'https://example.org/posts/hello-world/', url: 'https://example.org/posts/hello-world/', title: 'Hello World', content_html: '<p>Hi</p>', summary: '', date_published: '2026-11-20T10:00:00+08:00', date_modified: '2026-11-20T10:00:00+08:00', tags: [] },
    { id: 'https://example.org/posts/second/', url: 'https://example.org/posts/second/', title: 'Second', content_html: '<p>Two</p>', summary: '', date_published: '2026-11-21T10:00:00+08:00' },
  ],
}
const jekyll: Json = {
  version: 'https://jsonfeed.org/version/1',
  title: 'My Jekyll Blog',
  home_page_url: 'https://blog.example.com/',
  author: { name: 'Li Lei' },
  items: [{ id: '/bnf.html', url: 'https://blog.example.com/bnf.html', title: 'BNF', content_html: '<p>grammar</p>', date_published: '2026-11-02T00:00:00+00:00', author: { name: 'Li Lei' }, image: '' }],
}
const wordpress: Json = {
  version: 'https://jsonfeed.org/version/1.1',
  user_comment: 'This feed allows you to read the posts from this site in any feed reader that supports the JSON Feed format.',
  home_page_url: 'https://wp.example.cn',
  feed_url: 'https://wp.example.cn/feed/json',
  language: 'zh-CN',
  title: '镇政府新闻',
  description: '',
  icon: 'https://wp.example.cn/wp-content/uploads/icon.png',
  items: [
    { id: 'https://wp.example.cn/?p=123', url: 'https://wp.example.cn/2026/11/notice/', title: '冬季防火通知', content_html: '<p>注意防火。</p>', content_text: '注意防火。', date_published: '2026-11-25T08:00:00+08:00', date_modified: '2026-11-25T09:00:00+08:00', authors: [{ name: 'admin', url: 'https://wp.example.cn/author/admin/', avatar: 'https://secure.gravatar.com/avatar/x?s=512' }], image: 'https://wp.example.cn/wp-content/uploads/fire.jpg', tags: ['通知', '防火'], summary: '注意防火' },
    { id: 'https://wp.example.cn/?p=124', url: 'https://wp.example.cn/2026/11/water/', title: '停水通知', content_html: '<p>明日停水。</p>', date_published: '2026-11-26T08:00:00+08:00', authors: [{ name: 'admin' }], tags: [] },
  ],
}
const microblog: Json = {
  version: 'https://jsonfeed.org/version/1',
  title: 'Manton Reece',
  home_page_url: 'https://example.micro.blog/',
  feed_url: 'https://example.micro.blog/feed.json',
  author: { name: 'Manton', url: 'https://example.micro.blog/', avatar: 'https://avatars.micro.blog/x.jpg' },
  items: [
    { id: 'http://example.micro.blog/2026/11/27/120000.html', content_html: '<p>Short post without a title.</p>', date_published: '2026-11-27T12:00:00+00:00', url: 'https://example.micro.blog/2026/11/27/120000.html' },
    { id: 'http://example.micro.blog/2026/11/26/090000.html', title: '', content_html: '<p>Another.</p>', date_published: '2026-11-26T09:00:00+00:00', url: 'https://example.micro.blog/2026/11/26/090000.html' },
  ],
}
const podcast: Json = {
  version: 'https://jsonfeed.org/version/1',
  title: 'The Record',
  home_page_url: 'http://therecord.example/',
  feed_url: 'http://therecord.example/feed/json/',
  items: [{
    id: 'http://therecord.example/podcast/22',
    title: 'Special #1 - Chris Parrish',
    url: 'http://therecord.example/podcast/22',
    content_text: 'Chris has worked at Adobe and as a founder of Rogue Sheep.',
    content_html: 'Chris has worked at <a href="http://adobe.com/">Adobe</a>.',
    summary: 'Brent interviews Chris Parrish.',
    date_published: '2014-05-09T14:04:00-07:00',
    attachments: [{ url: 'http://therecord.example/podcast/22.m4a', mime_type: 'audio/x-m4a', size_in_bytes: 89970236, duration_in_seconds: 6629 }],
  }],
}

/** what a route, a DOM id or an IndexedDB key may hold: ID_PATTERN plus the derived ids' "~" */
const SAFE = /^[\w.\-\u4e00-\u9fff~]{1,128}$/u

const CASES: [string, Json, string[]][] = [
  // [generator, feed, expected warnings as "path code"]
  ['Hugo', hugo, ['description dropped_optional', 'items[0].summary dropped_optional', 'items[1].summary dropped_optional']],
  ['Jekyll', jekyll, ['items[0].image dropped_optional']],
  ['WordPress (JSON Feed plugin)', wordpress, ['description dropped_optional']],
  ['Micro.blog', microblog, ['items[1].title dropped_optional']],
  ['podcast', podcast, []],
]

describe('real-world JSON Feeds', () => {
  it.each(CASES)('%s: accepted with the expected warnings; URL ids become safe route ids, originals kept', (_, feed, warnings) => {
    const r = validateFeed(feed)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.warnings.map((w) => `${w.path} ${w.code}`)).toEqual(warnings)
    const content = normalizeFeed(r.feed, feed.feed_url ?? 'https://feed.example/feed.json')
    expect(content.notices).toHaveLength(feed.items.length)
    content.notices.forEach((n, i) => {
      expect(n.id).toMatch(SAFE)
      expect(n.feedId ?? n.id).toBe(String(feed.items[i].id))
    })
    expect(new Set(content.notices.map((n) => n.id)).size).toBe(content.notices.length)
  })

  it('keeps ids that are already safe unchanged (existing links and stored notices stay valid)', () => {
    const r = validateFeed(baseFeed())
    expect(r.ok && normalizeFeed(r.feed, 'https://x.invalid/feed.json').notices.map((n) => [n.id, n.feedId])).toEqual([['N-1', undefined], ['N-2', undefined]])
  })

  it('still refuses duplicate ids, URL or not', () => {
    const feed = structuredClone(jekyll)
    feed.items.push({ ...feed.items[0] })
    const r = validateFeed(feed)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => `${e.path} ${e.code}`)).toEqual(['items[1].id duplicate_id'])
  })

  it('an empty id is refused with a message saying so', () => {
    const r = validateFeed({ ...jekyll, items: [{ ...jekyll.items[0], id: '' }] })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors[0]).toMatchObject({ path: 'items[0].id', code: 'item_id' })
      expect(zh(issueMessage(r.errors[0]!))).toContain('编号不能为空')
    }
  })
})

describe('short forms and canonical forms normalise identically', () => {
  const canonical = () => {
    const f = baseFeed()
    f._gongkai.checklist.push(
      { id: 'CW-02', category: 'village', title: '党员发展', content: '', basis: '', frequency: { type: 'publicity', days: 5, day_type: 'working' }, channels: [], owner: '' },
      { id: 'CW-03', category: 'village', title: '停水通知', content: '', basis: '', frequency: { type: 'on_event' }, channels: [], owner: '' },
    )
    f.items[1]._gongkai.table.rows.push({ kind: 'data', cells: ['备注', null] })
    return f
  }
  const short = () => {
    const f = canonical()
    const [cf, cw, cw2, cw3] = f._gongkai.checklist
    cf.frequency = 'quarterly'
    cw.frequency = 'publicity:7'
    cw2.frequency = 'publicity:5:working'
    cw3.frequency = 'on_event'
    f.items[1]._gongkai.table.rows[2] = ['备注', null]
    return f
  }
  it('word and "publicity:N" frequencies, plain-array rows', () => {
    const a = validateFeed(canonical())
    const b = validateFeed(short())
    expect(a.ok && b.ok).toBe(true)
    if (!a.ok || !b.ok) return
    expect(normalizeFeed(b.feed, 'https://x.invalid/f.json')).toStrictEqual(normalizeFeed(a.feed, 'https://x.invalid/f.json'))
    expect(b.feed).toStrictEqual(a.feed)
  })
  it('a short form that is wrong still gets a precise message', () => {
    const f = short()
    f._gongkai.checklist[0].frequency = 'weekly'
    f.items[1]._gongkai.table.rows[2] = ['备注']
    const r = validateFeed(f)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map((e) => `${e.path} ${e.code}`).sort()).toEqual(['_gongkai.checklist[0].frequency frequency', 'items[1]._gongkai.table.rows row_width'])
  })
})
