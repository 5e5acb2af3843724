import { describe, expect, it } from 'vitest'
import { buildIndexFromDocs } from '../../../src/search/buildIndex'
import { isSerializedSearchIndex, SearchIndex } from '../../../src/search/searchIndex'
import { highlightParts } from '../../../src/search/highlight'
import type { SearchDoc, SearchResult } from '../../../src/search/types'

const NOW = new Date('2026-11-27T04:00:00Z')

const DOCS: SearchDoc[] = [
  { kind: 'notice', id: 'dibao', title: '桐溪村2026年第四季度低保公示', body: '现将拟纳入低保对象公示如下。', published: '2026-11-20T01:00:00Z', expires: '2026-12-03T10:00:00Z' },
  { kind: 'notice', id: 'tudi', title: '关于县道改线工程征收土地补偿安置方案的公示', body: '补偿标准：每亩 42000 元。', published: '2026-11-10T01:00:00Z' },
  { kind: 'notice', id: 'chongyang', title: '重阳节走访慰问高龄老人', body: '慰问金已通过银行代发到户。', published: '2026-10-20T01:00:00Z', expires: '2026-10-30T10:00:00Z' },
  { kind: 'notice', id: 'zhongdian', title: '2026年重点项目进展情况', body: '长期护理保险参保情况一并公开。', published: '2026-11-01T01:00:00Z' },
  { kind: 'checklist', id: 'CW-01', title: '村长及村委成员分工', body: '行政村办公时间：工作日上午。' },
  { kind: 'chapter', id: 'ch-1', title: '总则', body: 'Free WiFi is open in the village hall.\n保障村民的知情权。' },
]

function ids(results: SearchResult[]) {
  return results.map((r) => r.id)
}

function matchedText(r: SearchResult): string {
  const [s, e] = r.field === 'title' ? r.titleRanges[0]! : r.snippet!.ranges[0]!
  return (r.field === 'title' ? r.title : r.snippet!.text).slice(s, e)
}

describe('SearchIndex query side', () => {
  const index = new SearchIndex(buildIndexFromDocs(DOCS))
  const search = (q: string) => {
    index.reset()
    return index.search(q, { now: NOW }).results
  }

  it.each([
    ['dbgs', 'dibao', '低保公示'],
    ['tdbc', 'tudi', '土地补偿'],
    ['dibao', 'dibao', '低保'],
    ['dib', 'dibao', '低保'],
    ['tudibuchang', 'tudi', '土地补偿'],
    ['dibaogs', 'dibao', '低保公示'],
    ['tudibc', 'tudi', '土地补偿'],
    ['低保', 'dibao', '低保'],
  ])('%s finds %s and marks %s', (q, id, marked) => {
    const results = search(q)
    expect(results[0]?.id).toBe(id)
    expect(matchedText(results[0]!)).toBe(marked)
  })

  it.each([
    ['chongyang', 'chongyang', '重阳'],
    ['cy', 'chongyang', '重阳'],
    ['zhongdian', 'zhongdian', '重点'],
    ['zd', 'zhongdian', '重点'],
    ['cunzhang', 'CW-01', '村长'],
    ['xingzheng', 'CW-01', '行政'],
    ['yinhang', 'chongyang', '银行'],
    ['changqi', 'zhongdian', '长期'],
  ])('polyphonic characters match either reading: %s → %s', (q, id, marked) => {
    const results = search(q)
    expect(ids(results)).toContain(id)
    expect(matchedText(results.find((r) => r.id === id)!)).toBe(marked)
  })

  it('latin words and digits match English and numbers in the text', () => {
    expect(ids(search('wifi'))).toEqual(['ch-1'])
    expect(matchedText(search('wifi')[0]!)).toBe('WiFi')
    expect(ids(search('42000'))).toEqual(['tudi'])
  })

  it('gives nothing for letters that spell nothing in the content, and nothing for an empty query', () => {
    expect(search('qqqq')).toEqual([])
    expect(search('  ')).toEqual([])
  })

  it('matches are contiguous: a letter cannot skip a character in between', () => {
    // 低 保 公 示 — "dgs" would need to skip 保
    expect(ids(search('dgs'))).not.toContain('dibao')
  })

  it('ranks title matches before body matches', () => {
    // 低保 is in the title of one notice and only in the body of none; 保障 is in a chapter body
    const results = search('bao')
    const firstBody = results.findIndex((r) => r.field === 'body')
    const lastTitle = results.map((r) => r.field).lastIndexOf('title')
    expect(firstBody).toBeGreaterThan(lastTitle)
  })

  it('ranks open notices before expired ones, and newer before older', () => {
    const docs: SearchDoc[] = [
      { kind: 'notice', id: 'old-open', title: '低保公示（一）', body: '', published: '2026-01-01T00:00:00Z' },
      { kind: 'notice', id: 'expired', title: '低保公示（二）', body: '', published: '2026-11-25T00:00:00Z', expires: '2026-11-26T00:00:00Z' },
      { kind: 'notice', id: 'new-open', title: '低保公示（三）', body: '', published: '2026-11-20T00:00:00Z' },
    ]
    const idx = new SearchIndex(buildIndexFromDocs(docs))
    const results = idx.search('dbgs', { now: NOW }).results
    expect(ids(results)).toEqual(['new-open', 'old-open', 'expired'])
    expect(results.map((r) => r.window)).toEqual(['open', 'open', 'expired'])
  })

  it('narrowing letter by letter gives the same answers as typing the whole query at once', () => {
    const typed = new SearchIndex(buildIndexFromDocs(DOCS))
    const fresh = new SearchIndex(buildIndexFromDocs(DOCS))
    for (const q of ['t', 'tu', 'tud', 'tudi', 'tudib']) {
      const a = typed.search(q, { now: NOW })
      fresh.reset()
      expect(a).toEqual(fresh.search(q, { now: NOW }))
    }
    // and after 删除 (a shorter query) too
    expect(typed.search('tu', { now: NOW })).toEqual((fresh.reset(), fresh.search('tu', { now: NOW })))
  })

  it('reports how many matched in all, beyond the limit', () => {
    const docs: SearchDoc[] = Array.from({ length: 50 }, (_, i) => ({ kind: 'checklist', id: `c${i}`, title: `第${i}项低保公示`, body: '' }))
    const answer = new SearchIndex(buildIndexFromDocs(docs)).search('db', { now: NOW, limit: 10 })
    expect(answer.total).toBe(50)
    expect(answer.results).toHaveLength(10)
  })
})

describe('highlighting', () => {
  it('covers exactly the matched characters of the title', () => {
    const index = new SearchIndex(buildIndexFromDocs(DOCS))
    const [r] = index.search('dbgs', { now: NOW }).results
    const parts = highlightParts(r!.title, r!.titleRanges)
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['低保公示'])
    expect(parts.map((p) => p.text).join('')).toBe(r!.title)
  })

  it('shows a body match inside a short snippet with the match marked', () => {
    const index = new SearchIndex(buildIndexFromDocs(DOCS))
    const r = index.search('yhdf', { now: NOW }).results.find((x) => x.id === 'chongyang')!
    expect(r.field).toBe('body')
    const parts = highlightParts(r.snippet!.text, r.snippet!.ranges)
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['银行代发'])
  })

  it('merges overlapping ranges and ignores ones outside the text', () => {
    expect(highlightParts('低保公示', [[0, 2], [1, 3], [9, 12]])).toEqual([
      { text: '低保公', hit: true },
      { text: '示', hit: false },
    ])
  })
})

describe('stored index', () => {
  it('survives structured cloning (as IndexedDB stores it) and is recognised', () => {
    const data = structuredClone(buildIndexFromDocs(DOCS))
    expect(isSerializedSearchIndex(data)).toBe(true)
    expect(new SearchIndex(data).search('dbgs', { now: NOW }).results[0]?.id).toBe('dibao')
  })

  it('rejects an index of another layout or a damaged one', () => {
    const data = buildIndexFromDocs(DOCS)
    expect(isSerializedSearchIndex({ ...data, version: 0 })).toBe(false)
    expect(isSerializedSearchIndex({ ...data, codes: data.codes.slice(1) })).toBe(false)
    expect(isSerializedSearchIndex({ ...data, codes: Array.from(data.codes) })).toBe(false)
    expect(isSerializedSearchIndex(null)).toBe(false)
  })
})
