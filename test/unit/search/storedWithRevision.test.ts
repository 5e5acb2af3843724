import { beforeEach, describe, expect, it } from 'vitest'
import { syncSource } from '../../../src/sync/syncSource'
import { deleteDatabase, getLiveRecord, getSearchIndex } from '../../../src/db'
import { buildSearchIndexLazily } from '../../../src/search/buildLazily'
import { documentsOf } from '../../../src/search/documents'
import { isSerializedSearchIndex, SearchIndex } from '../../../src/search/searchIndex'
import { loadSearchIndex } from '../../../src/search/loadIndex'
import { baseFeed } from '../../support/feeds'
import { fakeFetch, json } from '../../support/fakeFetch'

const URL_ = 'https://town.example/feeds/qingshi.json'
const source = { id: 'qingshi', url: URL_ }
const NOW = new Date('2026-11-27T04:00:00Z')

beforeEach(async () => {
  await deleteDatabase()
})

describe('index stored with the revision', () => {
  it('is built when a revision is applied and read back without rebuilding', async () => {
    const f = fakeFetch({ [URL_]: json(baseFeed(1)) })
    await syncSource(source, { fetch: f.fetch, timeoutMs: 2000, maxBytes: 1_000_000, buildIndex: buildSearchIndexLazily })
    const record = await getLiveRecord('qingshi')
    const stored = await getSearchIndex('qingshi', record!.revision)
    expect(isSerializedSearchIndex(stored)).toBe(true)
    const index = await loadSearchIndex('qingshi', record!.revision, async () => ({ notices: [], checklist: [], handbook: null }))
    // the content passed for a rebuild is empty: results prove the stored index was used
    const results = index.search('dbgs', { now: NOW }).results
    expect(results.map((r) => r.id)).toContain('N-1')
    expect(results.find((r) => r.id === 'CW-01')).toBeUndefined() // 最低生活保障 has no 低保公示
  })

  it('indexes notice text, HTML text and table cells, checklist items and handbook chapters', async () => {
    const f = fakeFetch({ [URL_]: json(baseFeed(1)) })
    await syncSource(source, { fetch: f.fetch, timeoutMs: 2000, maxBytes: 1_000_000, buildIndex: buildSearchIndexLazily })
    const record = await getLiveRecord('qingshi')
    const index = new SearchIndex((await getSearchIndex('qingshi', record!.revision)) as never)
    const find = (q: string) => (index.reset(), index.search(q, { now: NOW }).results.map((r) => `${r.kind}:${r.id}:${r.field}`))
    expect(find('szqk')).toContain('notice:N-2:body') // 收支情况 in content_html
    expect(find('qmye')).toContain('notice:N-2:body') // 期末余额, a table cell
    expect(find('zdshbz')).toContain('checklist:CW-01:title') // 最低生活保障
    expect(find('zhiqingquan')).toContain('chapter:ch-1:body') // 知情权 in Markdown
  })

  it('a failing index build never keeps the revision from going live', async () => {
    const f = fakeFetch({ [URL_]: json(baseFeed(1)) })
    const out = await syncSource(source, {
      fetch: f.fetch,
      timeoutMs: 2000,
      maxBytes: 1_000_000,
      buildIndex: () => buildSearchIndexLazily(null as never),
    })
    expect(out.kind).toBe('applied')
    expect(await getSearchIndex('qingshi', 1)).toBeUndefined()
  })
})

describe('documentsOf', () => {
  it('drops HTML tags and Markdown marks but keeps their words', () => {
    const docs = documentsOf({
      notices: [{ id: 'n', title: 'T', html: '<p>收支&amp;情况</p><table><tr><td>期初</td></tr></table>', category: 'c', pinned: false, urgent: false, attachments: [], tags: [] }],
      checklist: [],
      handbook: { title: 'H', chapters: [{ id: 'c', title: '总则', markdown: '## 目的\n\n保障[知情权](https://x.example/)。' }] },
    })
    expect(docs[0]!.body).toContain('收支&情况')
    expect(docs[0]!.body).toContain('期初')
    expect(docs[0]!.body).not.toContain('<')
    expect(docs[1]!.body).toBe('目的\n保障知情权。')
  })
})
