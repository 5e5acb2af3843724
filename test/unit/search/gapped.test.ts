import { describe, expect, it } from 'vitest'
import { buildIndexFromDocs } from '../../../src/search/buildIndex'
import { highlightParts } from '../../../src/search/highlight'
import { SearchIndex } from '../../../src/search/searchIndex'
import type { SearchDoc, SearchResult } from '../../../src/search/types'

const NOW = new Date('2026-11-27T04:00:00Z')
const open = (id: string, title: string, body = '', published = '2026-11-20T01:00:00Z'): SearchDoc => ({
  kind: 'notice',
  id,
  title,
  body,
  published,
  expires: '2026-12-30T10:00:00Z',
})

// the gapped ones are newer, so only the contiguous-first rule can put the contiguous ones ahead
const DOCS: SearchDoc[] = [
  open('gap-title', '关于土地征收补偿安置方案的公示', '', '2026-11-25T01:00:00Z'),
  open('contig-title', '土地补偿标准', '', '2026-11-01T01:00:00Z'),
  open('gap-dibao', '低保对象公示', '', '2026-11-26T01:00:00Z'),
  open('contig-dibao', '第四季度低保公示', '', '2026-11-02T01:00:00Z'),
  open('gap-body', '村务公开', '本月完成：\n道路硬化工程已验收。', '2026-11-24T01:00:00Z'),
  open('punct', '土地。补偿', ''),
  open('too-far', '土地一二三四五补偿', ''),
  open('one-char', '土征收地补偿', ''),
]

function pieces(r: SearchResult): string[] {
  const text = r.field === 'title' ? r.title : r.snippet!.text
  const ranges = r.field === 'title' ? r.titleRanges : r.snippet!.ranges
  return highlightParts(text, ranges)
    .filter((p) => p.hit)
    .map((p) => p.text)
}

describe('gapped abbreviations', () => {
  const index = new SearchIndex(buildIndexFromDocs(DOCS))
  const fresh = (q: string) => {
    index.reset()
    return index.search(q, { now: NOW }).results
  }
  const typed = (q: string) => {
    index.reset()
    let r: SearchResult[] = []
    for (let k = 1; k <= q.length; k++) r = index.search(q.slice(0, k), { now: NOW }).results
    return r
  }

  it('tdbc finds 土地征收补偿, below the contiguous 土地补偿, each once', () => {
    const ids = fresh('tdbc').map((r) => r.id)
    expect(ids).toEqual(['contig-title', 'gap-title'])
  })

  it('dbgs finds 低保对象公示 below 低保公示', () => {
    expect(fresh('dbgs').map((r) => r.id)).toEqual(['contig-dibao', 'gap-dibao'])
  })

  it('highlights the words typed, not the words skipped', () => {
    const gap = fresh('tdbc').find((r) => r.id === 'gap-title')!
    expect(pieces(gap)).toEqual(['土地', '补偿'])
    const body = fresh('dlgc').find((r) => r.id === 'gap-body')!
    expect(body.field).toBe('body')
    expect(pieces(body)).toEqual(['道路', '工程'])
  })

  it('full pinyin and mixed forms gap too', () => {
    expect(fresh('tudibuchang').map((r) => r.id)).toEqual(['contig-title', 'gap-title'])
    expect(fresh('dibaogongshi').map((r) => r.id)).toEqual(['contig-dibao', 'gap-dibao'])
  })

  it('never skips punctuation, more than four characters, or after a one-character word', () => {
    const ids = fresh('tdbc').map((r) => r.id)
    expect(ids).not.toContain('punct')
    expect(ids).not.toContain('too-far')
    expect(ids).not.toContain('one-char')
  })

  it('typing letter by letter gives the same answer as the whole query at once', () => {
    for (const q of ['tdbc', 'dbgs', 'dlgc', 'tudibuchang']) expect(typed(q)).toEqual(fresh(q))
  })

  it('a gapped match of whole words ranks above a contiguous run across words, below a contiguous whole word', () => {
    const ix = new SearchIndex(
      buildIndexFromDocs([
        open('chance', '2026年9月垃圾分类结果公示', '', '2026-11-26T01:00:00Z'),
        open('gapped', '关于医疗保险缴费的公示', '', '2026-11-01T01:00:00Z'),
        open('whole', '医疗缴费', '', '2026-10-01T01:00:00Z'),
      ]),
    )
    const r = ix.search('yljf', { now: NOW }).results
    expect(r.map((x) => x.id)).toEqual(['whole', 'gapped', 'chance'])
    expect(r.map((x) => !!x.gapped)).toEqual([false, true, false])
  })

  it('finds the whole words a resident abbreviated, not a run that happens to fit (xczj: 乡村·资金, not 乡村振·接)', () => {
    const ix = new SearchIndex(buildIndexFromDocs([open('fund', '关于乡村振兴衔接资金的公示')]))
    const [r] = ix.search('xczj', { now: NOW }).results
    expect(r!.gapped).toBe(true)
    expect(r!.wholeWord).toBe(true)
    expect(pieces(r!)).toEqual(['乡村', '资金'])
  })

  it('a run that needs two uncommon readings (长期 read zhang-ji for zj) ranks below a gapped match of whole words', () => {
    const ix = new SearchIndex(
      buildIndexFromDocs([
        open('chance', '桐溪村长期护理保险情况公开', '', '2026-11-26T01:00:00Z'),
        open('fund', '关于乡村振兴衔接资金的公示', '', '2026-11-01T01:00:00Z'),
      ]),
    )
    const r = ix.search('xczj', { now: NOW }).results
    expect(r.map((x) => x.id)).toEqual(['fund', 'chance'])
    expect(r[1]!.wholeWord).toBe(false)
    // typed letter by letter, the same order
    ix.reset()
    let typedR: SearchResult[] = []
    for (let k = 1; k <= 4; k++) typedR = ix.search('xczj'.slice(0, k), { now: NOW }).results
    expect(typedR.map((x) => x.id)).toEqual(['fund', 'chance'])
  })

  it('one uncommon reading in a word is normal: cyj finds 重阳节 (重 read chong) as a whole word, above a gapped match', () => {
    const ix = new SearchIndex(
      buildIndexFromDocs([
        open('gapped', '茶叶合作社教学点', '', '2026-11-26T01:00:00Z'),
        open('festival', '重阳节慰问通知', '', '2026-11-01T01:00:00Z'),
      ]),
    )
    const r = ix.search('cyj', { now: NOW }).results
    expect(r[0]!.id).toBe('festival')
    expect(r[0]!.wholeWord).toBe(true)
  })

  it('typed in full pinyin, an uncommon reading is meant: zhangqi still finds 长期 as a whole word', () => {
    const ix = new SearchIndex(buildIndexFromDocs([open('care', '长期护理保险')]))
    expect(ix.search('zhangqi', { now: NOW }).results.map((x) => [x.id, x.wholeWord])).toEqual([['care', true]])
  })

  it('offers no candidate word made of a gapped match', () => {
    index.reset()
    const words = index.search('tdbc', { now: NOW }).candidates!.map((c) => c.word)
    expect(words).toEqual(['土地补偿'])
  })
})
