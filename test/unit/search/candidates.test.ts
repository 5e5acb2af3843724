/**
 * Issue 17: typed letters offer the words of the content they spell, as an
 * input method offers 候选词, ordered by how many notices on the board (公示中)
 * have them, then by the newest; results rank whole words in titles first.
 */
import { describe, expect, it } from 'vitest'
import { buildIndexFromDocs } from '../../../src/search/buildIndex'
import { SearchIndex } from '../../../src/search/searchIndex'
import { mergeAnswers } from '../../../src/search/mergeResults'
import type { SearchDoc } from '../../../src/search/types'

const NOW = new Date('2026-11-27T04:00:00Z')
const open = (id: string, title: string, body: string, day: number): SearchDoc => ({ kind: 'notice', id, title, body, published: `2026-11-${String(day).padStart(2, '0')}T01:00:00Z` })
const DOCS: SearchDoc[] = [
  open('dibao-1', '第四季度低保公示', '', 20),
  open('dibao-2', '低保对象动态调整', '', 21),
  open('daibiao', '村民代表会议决议', '', 25),
  open('tudi', '征收土地补偿方案', '', 26),
  { kind: 'notice', id: 'old', title: '代表名单（已结束）', body: '村民代表', published: '2026-01-01T01:00:00Z', expires: '2026-02-01T01:00:00Z' },
  { kind: 'notice', id: 'old2', title: '代表名单二（已结束）', body: '', published: '2026-01-02T01:00:00Z', expires: '2026-02-01T01:00:00Z' },
  { kind: 'checklist', id: 'CW-01', title: 'WiFi 目录', body: 'db' },
]

describe('candidate words', () => {
  const index = new SearchIndex(buildIndexFromDocs(DOCS))
  const words = (q: string) => (index.reset(), index.search(q, { now: NOW }).candidates?.map((c) => c.word))

  it('db offers 低保 (two notices on the board) first; then 代表 and 地补, one each on the board, 代表 also in two ended ones', () => {
    expect(words('db')).toEqual(['低保', '代表', '地补'])
  })

  it('equal counts: the word of the newer notice first', () => {
    const idx = new SearchIndex(buildIndexFromDocs([open('a', '低保', '', 10), open('b', '代表', '', 12)]))
    expect(idx.search('db', { now: NOW }).candidates?.map((c) => c.word)).toEqual(['代表', '低保'])
  })

  it('one letter offers none; letters that spell only themselves are not offered', () => {
    expect(words('d')).toBeUndefined()
    expect(words('wifi')).toEqual([])
  })

  it('a candidate narrows the results to notices with that word', () => {
    index.reset()
    const r = index.search('低保', { now: NOW }).results
    expect(r.map((x) => x.id).sort()).toEqual(['dibao-1', 'dibao-2'])
  })

  it('merging two answers adds the counts of a word', () => {
    const a = { results: [], total: 0, candidates: [{ word: '代表', onBoard: 1 }, { word: '低保', onBoard: 1 }] }
    const b = { results: [], total: 0, candidates: [{ word: '低保', onBoard: 1 }] }
    expect(mergeAnswers(a, b, 30).candidates).toEqual([{ word: '低保', onBoard: 2 }, { word: '代表', onBoard: 1 }])
  })
})

describe('ranking', () => {
  it('a whole word in a title before a match across word edges (地补 in 土地补偿), then open before ended, newer before older', () => {
    const idx = new SearchIndex(buildIndexFromDocs(DOCS))
    const r = idx.search('db', { now: NOW }).results
    const order = r.map((x) => x.id)
    expect(order.indexOf('tudi')).toBeGreaterThan(order.indexOf('daibiao'))
    expect(order.slice(0, 3)).toEqual(['daibiao', 'dibao-2', 'dibao-1'])
    expect(order.indexOf('old')).toBeGreaterThan(order.indexOf('dibao-1'))
    expect(r.find((x) => x.id === 'tudi')?.wholeWord).toBe(false)
    expect(r.find((x) => x.id === 'daibiao')?.wholeWord).toBe(true)
  })
})
