import { beforeEach, describe, expect, it } from 'vitest'
import { syncSource } from '../../../src/sync/syncSource'
import { deleteDatabase, getLiveContentSliced, getSyncState } from '../../../src/db'
import { baseFeed, plainFeed } from '../../support/feeds'
import { fakeFetch, hang, json, status } from '../../support/fakeFetch'
import { en, zh } from '../../support/words'
import { syncErrorMessage } from '../../../src/sync/errors'
import { issueMessage } from '../../../src/feed/issues'

const URL_ = 'https://town.example/feeds/qingshi.json'
const source = { id: 'qingshi', url: URL_ }

function deps(fetch: ReturnType<typeof fakeFetch>['fetch'], timeoutMs = 2000) {
  return { fetch, timeoutMs, maxBytes: 1_000_000 }
}

async function liveRevision() {
  return (await getLiveContentSliced('qingshi'))?.record.revision ?? null
}

beforeEach(async () => {
  await deleteDatabase()
})

describe('syncSource', () => {
  it('200 with a valid feed: validates, stores and makes it live', async () => {
    const f = fakeFetch({ [URL_]: json(baseFeed(1), { etag: '"r1"' }) })
    const out = await syncSource(source, deps(f.fetch))
    expect(out).toEqual({ kind: 'applied', revision: 1, previous: null })
    const live = await getLiveContentSliced('qingshi')
    expect(live?.record.village.name).toBe('青石村')
    expect(live?.notices.map((n) => n.id).sort()).toEqual(['N-1', 'N-2'])
    const state = await getSyncState('qingshi')
    expect(state.etag).toBe('"r1"')
    expect(state.lastError).toBeNull()
    expect(state.lastSuccessAt).toBeTruthy()
  })

  it('sends If-None-Match next time, and 304 changes nothing', async () => {
    const f = fakeFetch({ [URL_]: [json(baseFeed(1), { etag: '"r1"', 'last-modified': 'Fri, 27 Nov 2026 00:00:00 GMT' }), status(304)] })
    await syncSource(source, deps(f.fetch))
    const before = await getLiveContentSliced('qingshi')
    const out = await syncSource(source, deps(f.fetch))
    expect(out).toEqual({ kind: 'not-modified' })
    expect(f.calls[1]!.headers['If-None-Match']).toBe('"r1"')
    expect(f.calls[1]!.headers['If-Modified-Since']).toBe('Fri, 27 Nov 2026 00:00:00 GMT')
    expect(await getLiveContentSliced('qingshi')).toEqual(before)
  })

  it('a newer revision replaces the old one and keeps it as previous', async () => {
    const f = fakeFetch({ [URL_]: [json(baseFeed(1)), json(baseFeed(2))] })
    await syncSource(source, deps(f.fetch))
    const out = await syncSource(source, deps(f.fetch))
    expect(out).toEqual({ kind: 'applied', revision: 2, previous: 1 })
    expect((await getLiveContentSliced('qingshi'))?.notices.find((n) => n.id === 'N-1')?.title).toBe('第2版 低保公示')
  })

  it('HTTP 500: keeps the content and records the reason', async () => {
    const f = fakeFetch({ [URL_]: [json(baseFeed(1)), status(500)] })
    await syncSource(source, deps(f.fetch))
    const out = await syncSource(source, deps(f.fetch))
    expect(out.kind === 'failed' && out.error.code).toBe('http')
    expect(await liveRevision()).toBe(1)
    const state = await getSyncState('qingshi')
    expect(state.lastError?.code).toBe('http')
    expect(state.lastError?.details).toContain('HTTP 500')
    expect(state.consecutiveFailures).toBe(1)
  })

  it('a server that hangs times out', async () => {
    const f = fakeFetch({ [URL_]: hang })
    const out = await syncSource(source, deps(f.fetch, 50))
    expect(out.kind === 'failed' && out.error.code).toBe('timeout')
    expect(zh(syncErrorMessage((await getSyncState('qingshi')).lastError!.code))).toBe('连接内容服务器超时')
  })

  it('an HTML page instead of JSON (Wi-Fi login) is refused with that reason', async () => {
    const f = fakeFetch({ [URL_]: [json(baseFeed(1)), () => new Response('<html><body>登录</body></html>', { status: 200, headers: { 'content-type': 'text/html' } })] })
    await syncSource(source, deps(f.fetch))
    const out = await syncSource(source, deps(f.fetch))
    expect(out.kind === 'failed' && out.error.code).toBe('invalid')
    expect(out.kind === 'failed' && out.error.issues[0]?.code).toBe('not_json_html')
    expect(await liveRevision()).toBe(1)
  })

  it('a lower revision is refused (rollback protection)', async () => {
    const f = fakeFetch({ [URL_]: [json(baseFeed(5)), json(baseFeed(4))] })
    await syncSource(source, deps(f.fetch))
    const out = await syncSource(source, deps(f.fetch))
    expect(out.kind === 'failed' && out.error.code).toBe('rollback')
    expect(await liveRevision()).toBe(5)
  })

  it('the same revision with other content is refused; with the same bytes it is a no-op', async () => {
    const changed = baseFeed(3)
    changed.title = '被改过的'
    const f = fakeFetch({ [URL_]: [json(baseFeed(3)), json(baseFeed(3)), json(changed)] })
    await syncSource(source, deps(f.fetch))
    expect(await syncSource(source, deps(f.fetch))).toEqual({ kind: 'unchanged', revision: 3 })
    const out = await syncSource(source, deps(f.fetch))
    expect(out.kind === 'failed' && out.error.code).toBe('stale_revision')
    expect((await getLiveContentSliced('qingshi'))?.record.title).toBe('青石村村务公开')
  })

  it('an invalid feed is refused whole with every error listed', async () => {
    const bad = baseFeed(2)
    bad.items[0]._gongkai.expires = 'next week'
    const f = fakeFetch({ [URL_]: [json(baseFeed(1)), json(bad)] })
    await syncSource(source, deps(f.fetch))
    const out = await syncSource(source, deps(f.fetch))
    expect(out.kind === 'failed' && out.error.issues.map((i) => `${i.path}: ${zh(issueMessage(i))} / ${en(issueMessage(i))}`)).toContain('items[0]._gongkai.expires: 应为 RFC 3339 日期时间，例如 2026-10-05T18:00:00+08:00 / expected an RFC 3339 date-time, e.g. 2026-10-05T18:00:00+08:00')
    expect(await liveRevision()).toBe(1)
  })

  it('a network failure is recorded and the next success clears it', async () => {
    const f = fakeFetch({ [URL_]: [() => Promise.reject(new TypeError('Failed to fetch')), json(baseFeed(1))] })
    expect((await syncSource(source, deps(f.fetch))).kind).toBe('failed')
    expect((await getSyncState('qingshi')).lastError?.code).toBe('network')
    expect((await syncSource(source, deps(f.fetch))).kind).toBe('applied')
    expect((await getSyncState('qingshi')).lastError).toBeNull()
  })

  it('refuses a feed over the size limit before parsing it', async () => {
    const big = baseFeed(1)
    big.description = 'x'.repeat(2_000_000)
    const f = fakeFetch({ [URL_]: json(big) })
    const out = await syncSource(source, deps(f.fetch))
    expect(out.kind === 'failed' && out.error.code).toBe('too_large')
    expect(await liveRevision()).toBeNull()
  })

  it('numbers the revisions of a plain JSON Feed itself', async () => {
    const next = plainFeed()
    next.items.push({ id: 2, content_text: '后天停电。' })
    const f = fakeFetch({ [URL_]: [json(plainFeed()), json(plainFeed()), json(next)] })
    expect(await syncSource(source, deps(f.fetch))).toMatchObject({ kind: 'applied', revision: 1 })
    expect(await syncSource(source, deps(f.fetch))).toMatchObject({ kind: 'unchanged', revision: 1 })
    expect(await syncSource(source, deps(f.fetch))).toMatchObject({ kind: 'applied', revision: 2 })
    expect((await getLiveContentSliced('qingshi'))?.record.categories).toEqual([{ id: 'notices', title: '公告' }])
  })

  it('stores images and attachments before the revision goes live, and refuses a wrong hash', async () => {
    const png = new Uint8Array([137, 80, 78, 71, 1, 2, 3])
    const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', png)), (b) => b.toString(16).padStart(2, '0')).join('')
    const withFiles = (revision: number, sha: string) => {
      const f = baseFeed(revision)
      f.items[0].image = 'img/photo.png'
      f.items[0].attachments = [{ url: 'files/list.pdf', mime_type: 'application/pdf', _gongkai: { sha256: sha } }]
      return f
    }
    const file = () => new Response(png, { headers: { 'content-type': 'image/png' } })
    const f = fakeFetch({
      [URL_]: [json(withFiles(1, digest)), json(withFiles(2, 'f'.repeat(64)))],
      'https://town.example/feeds/img/photo.png': file,
      'https://town.example/feeds/files/list.pdf': file,
    })
    expect((await syncSource(source, deps(f.fetch))).kind).toBe('applied')
    const live = await getLiveContentSliced('qingshi')
    expect(live?.record.assetUrls.sort()).toEqual(['https://town.example/feeds/files/list.pdf', 'https://town.example/feeds/img/photo.png'])
    const out = await syncSource(source, deps(f.fetch))
    expect(out.kind === 'failed' && out.error.code).toBe('asset_hash')
    expect(await liveRevision()).toBe(1)
  })

  it('does not go live when a file it needs cannot be downloaded', async () => {
    const feed = baseFeed(1)
    feed.items[0].image = 'missing.png'
    const f = fakeFetch({ [URL_]: json(feed) })
    const out = await syncSource(source, deps(f.fetch))
    expect(out.kind === 'failed' && out.error.code).toBe('asset')
    expect(await liveRevision()).toBeNull()
  })
})
