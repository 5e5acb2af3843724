/**
 * Small, valid feeds for tests, built in code so each test states only what it changes.
 */
export type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const DAY = 86_400_000
/**
 * The 低保 notice's end: a month from today (midnight UTC, so every feed made in one day is byte for byte the same).
 * A fixed date put it out of its window once the real day passed it, and the e2e suites, run with the real clock,
 * no longer found it on the board.
 */
const OPEN_UNTIL = new Date(Math.floor(Date.now() / DAY) * DAY + 30 * DAY).toISOString()

export function baseFeed(revision = 1, overrides: { notices?: Json[] } = {}): Json {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: '青石村村务公开',
    home_page_url: 'https://example.gov.cn/qingshi/',
    _gongkai: {
      schema: 1,
      revision,
      generated_at: '2026-11-27T08:00:00+08:00',
      village: { code: '340000000001', name: '青石村', township: '青石镇', county: '映湖县' },
      categories: [
        { id: 'party', title: '党务公开' },
        { id: 'village', title: '村务公开' },
        { id: 'finance', title: '财务公开' },
      ],
      checklist: [
        { id: 'CF-01', category: 'finance', title: '财务收支情况', content: '各项收入、支出', basis: '《村民委员会组织法》第三十条', frequency: { type: 'quarterly' }, channels: ['村务公开栏'], owner: '村委会', audience: '全体村民' },
        { id: 'CW-01', category: 'village', title: '最低生活保障', content: '低保对象名单', basis: '《社会救助暂行办法》', frequency: { type: 'publicity', days: 7 }, channels: ['村务公开栏', '电子触摸屏'], owner: '村委会', audience: '全体村民' },
      ],
      handbook: { title: '村务公开手册', chapters: [{ id: 'ch-1', title: '总则', content_markdown: '## 目的\n\n保障村民的知情权。' }] },
    },
    items: overrides.notices ?? [
      {
        id: 'N-1',
        title: `第${revision}版 低保公示`,
        content_text: '现将拟纳入低保对象公示如下。',
        date_published: '2026-11-24T09:00:00+08:00',
        _gongkai: { category: 'village', checklist_item: 'CW-01', expires: OPEN_UNTIL },
      },
      {
        id: 'N-2',
        title: '第三季度财务公开',
        content_html: '<p>收支情况如下。</p>',
        date_published: '2026-10-09T09:00:00+08:00',
        _gongkai: {
          category: 'finance',
          checklist_item: 'CF-01',
          pinned: true,
          table: { kind: 'finance', caption: '收支表', unit: '元', columns: ['项目', '金额'], rows: [{ kind: 'opening', cells: ['期初余额', 100] }, { kind: 'closing', cells: ['期末余额', 100] }] },
        },
      },
    ],
  }
}

export function plainFeed(): Json {
  return {
    version: 'https://jsonfeed.org/version/1',
    title: '镇政府通知',
    items: [{ id: 1, content_text: '明天停水。', title: '停水通知' }],
  }
}

export const encode = (x: unknown) => new TextEncoder().encode(typeof x === 'string' ? x : JSON.stringify(x))
