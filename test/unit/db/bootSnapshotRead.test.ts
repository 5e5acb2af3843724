import { beforeEach, describe, expect, it } from 'vitest'
import { commitRevision, deleteDatabase } from '../../../src/db'
import { readBootState } from '../../../src/db/bootSnapshotRead'
import { KV_KEYS, kvSet } from '../../../src/db/kv'
import { DB_NAME } from '../../../src/db/schema'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import { baseFeed } from '../../support/feeds'

function feed(revision: number) {
  const r = validateFeed(baseFeed(revision, { notices: [{ id: `N-${revision}`, title: `第${revision}号公示`, content_text: '内容', date_published: '2026-11-20T09:00:00+08:00' }] }))
  if (!r.ok) throw new Error('fixture invalid')
  return normalizeFeed(r.feed, 'https://town.example/a.json', 'a')
}

beforeEach(async () => {
  await deleteDatabase()
})

describe('readBootState (the boot script read)', () => {
  it('reads the live pointers, the stored snapshot and the last good config', async () => {
    await commitRevision({ sourceId: 'a', revision: 2, sha256: 'x', content: feed(2), assets: [], assetUrls: [] })
    await kvSet(KV_KEYS.bootSnapshot, { route: '/', html: '<p>x</p>' })
    await kvSet(KV_KEYS.lastGoodConfig, { locale: 'en' })
    const r = await readBootState()
    expect(r!.pointers.map((p) => [p.sourceId, p.current])).toEqual([['a', 2]])
    expect(r!.snapshot).toEqual({ route: '/', html: '<p>x</p>' })
    expect(r!.lastGoodConfig).toEqual({ locale: 'en' })
  })

  it('reads nothing on a first start, and does not create the database (the app creates it with its migrations)', async () => {
    expect(await readBootState()).toBeNull()
    const dbs = await indexedDB.databases()
    expect(dbs.some((d) => d.name === DB_NAME && (d.version ?? 0) > 0)).toBe(false)
  })
})
