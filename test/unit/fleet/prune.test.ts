/**
 * Storage care: once a new revision is live, revisions older than the previous
 * one and files no kept revision needs are deleted; the previous revision
 * stays whole (a fallback), and files still in use are never touched.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { getDb, deleteDatabase, getLiveContentSliced, getPointer } from '../../../src/db'
import { syncSource } from '../../../src/sync/syncSource'
import { baseFeed, type Json } from '../../support/feeds'
import { fakeFetch, json } from '../../support/fakeFetch'
import { storedNotices } from '../../support/storedNotices'

const FEED = 'https://town.example/feeds/qingshi.json'
const file = (name: string) => `https://town.example/files/${name}`
const source = { id: 'qingshi', url: FEED }

/** revision r: one notice with a file of its own, one with a file every revision shares */
function feed(r: number): Json {
  return baseFeed(r, {
    notices: [
      { id: `N-${r}`, title: `第${r}版公示`, content_text: '见附件。', date_published: '2026-11-24T09:00:00+08:00', attachments: [{ url: file(`own-${r}.pdf`), mime_type: 'application/pdf' }], _gongkai: { category: 'village' } },
      { id: 'N-shared', title: '村规民约', content_text: '见附件。', date_published: '2026-01-01T09:00:00+08:00', attachments: [{ url: file('shared.pdf'), mime_type: 'application/pdf' }], _gongkai: { category: 'village' } },
    ],
  })
}

function server() {
  let current = 1
  const routes: Record<string, () => Response> = { [FEED]: () => json(feed(current))() }
  for (let r = 1; r <= 5; r++) routes[file(`own-${r}.pdf`)] = () => new Response(`%PDF own ${r}`, { headers: { 'content-type': 'application/pdf' } })
  routes[file('shared.pdf')] = () => new Response('%PDF shared', { headers: { 'content-type': 'application/pdf' } })
  const f = fakeFetch(routes)
  return { fetch: f.fetch, set: (r: number) => (current = r) }
}

async function stored() {
  const db = await getDb()
  return {
    revisions: (await db.getAllKeys('revisions')).map((k) => k[1]).sort(),
    noticeRevisions: [...new Set((await storedNotices()).map((n) => n.revision))].sort(),
    assets: (await db.getAllKeys('assets')).map((u) => u.replace('https://town.example/files/', '')).sort(),
  }
}

beforeEach(async () => {
  await deleteDatabase()
})

describe('pruning after a new revision is live', () => {
  it('keeps the live and the previous revision with their files, deletes older ones and unreferenced files', async () => {
    const s = server()
    for (const r of [1, 2, 3]) {
      s.set(r)
      expect((await syncSource(source, { fetch: s.fetch, timeoutMs: 2000, maxBytes: 1_000_000 })).kind).toBe('applied')
    }
    expect(await getPointer('qingshi')).toMatchObject({ current: 3, previous: 2 })
    expect(await stored()).toEqual({ revisions: [2, 3], noticeRevisions: [2, 3], assets: ['own-2.pdf', 'own-3.pdf', 'shared.pdf'] })

    s.set(5)
    await syncSource(source, { fetch: s.fetch, timeoutMs: 2000, maxBytes: 1_000_000 })
    expect(await stored()).toEqual({ revisions: [3, 5], noticeRevisions: [3, 5], assets: ['own-3.pdf', 'own-5.pdf', 'shared.pdf'] })
    // the live revision is whole
    const live = await getLiveContentSliced('qingshi')
    expect(live?.notices.map((n) => n.id).sort()).toEqual(['N-5', 'N-shared'])
  })

  it('a refused revision prunes nothing: the live and previous revisions keep all their files', async () => {
    const s = server()
    for (const r of [1, 2]) {
      s.set(r)
      await syncSource(source, { fetch: s.fetch, timeoutMs: 2000, maxBytes: 1_000_000 })
    }
    const before = await stored()
    const broken = fakeFetch({ [FEED]: json({ ...feed(3), items: 'not a list' }) })
    expect((await syncSource(source, { fetch: broken.fetch, timeoutMs: 2000, maxBytes: 1_000_000 })).kind).toBe('failed')
    expect(await stored()).toEqual(before)
  })
})
