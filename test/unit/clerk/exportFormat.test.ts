import { words } from '../../support/words'
import { describe, expect, it } from 'vitest'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { buildVillageExport, parseVillageExport } from '../../../src/clerk/exportFormat'
import { canonicalDump } from '../../../src/clerk/canonical'
import { layer, ledger, photo } from './fixtures'

const village = { code: '330100001', name: '桐溪村' }

async function exported() {
  return buildVillageExport(layer(), { village, now: new Date('2026-11-27T01:00:00Z') })
}

/** rewrites one file of a zip */
function patch(zip: Uint8Array, name: string, edit: (text: string) => string | null): Uint8Array {
  const files = unzipSync(zip)
  const next = edit(strFromU8(files[name]!))
  if (next === null) delete files[name]
  else files[name] = strToU8(next)
  return zipSync(files)
}

describe('village-layer export', () => {
  it('is a zip holding a JSON Feed with the _gongkai extension and the photos', async () => {
    const files = unzipSync(await exported())
    const feed = JSON.parse(strFromU8(files['feed.json']!))
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed._gongkai.kind).toBe('village-layer')
    expect(feed._gongkai.village).toEqual(village)
    expect(feed.items.map((i: { id: string }) => i.id)).toEqual(['notice-1'])
    expect(feed._gongkai.ledger).toHaveLength(2)
    expect(Object.keys(files).sort()).toEqual(['feed.json', 'photos/photo-1.png'])
  })

  it('round-trips exactly: import gives the same canonical dump', async () => {
    const r = await parseVillageExport(await exported(), { village })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(await canonicalDump(r.layer)).toBe(await canonicalDump(layer()))
    expect(new Uint8Array(await r.layer.photos[0]!.blob.arrayBuffer())).toEqual(new Uint8Array(await photo().blob.arrayBuffer()))
  })

  it('canonical dumps differ when any field differs', async () => {
    const a = layer()
    const b = layer()
    b.ledger[0] = ledger('ledger-1', { reviewOpinion: '同意' })
    expect(await canonicalDump(a)).not.toBe(await canonicalDump(b))
    const c = layer()
    c.photos[0] = photo('photo-1', [1, 2, 3])
    expect(await canonicalDump(a)).not.toBe(await canonicalDump(c))
  })
})

describe('village-layer import refuses broken and foreign files', () => {
  const cases: Array<[string, () => Promise<Uint8Array>, string]> = [
    ['not a zip', async () => strToU8('hello'), 'not_zip'],
    ['a truncated zip', async () => (await exported()).slice(0, 200), 'truncated'],
    ['a zip without feed.json', async () => zipSync({ 'x.txt': strToU8('x') }), 'no_feed'],
    ['damaged JSON', async () => patch(await exported(), 'feed.json', (t) => t.slice(0, 100)), 'bad_json'],
    ['a township feed', async () => zipSync({ 'feed.json': strToU8(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [], _gongkai: { schema: 1, revision: 3 } })) }), 'foreign'],
    ['a newer format', async () => patch(await exported(), 'feed.json', (t) => t.replace('"schema": 1', '"schema": 2')), 'schema_version'],
    ['an invalid ledger date', async () => patch(await exported(), 'feed.json', (t) => t.replace('"postedOn": "2026-10-08"', '"postedOn": "2026-13-40"')), 'invalid_record'],
    ['an unknown place', async () => patch(await exported(), 'feed.json', (t) => t.replace('"wechat"', '"telegram"')), 'invalid_record'],
    ['a duplicated id', async () => patch(await exported(), 'feed.json', (t) => t.replace('"id": "ledger-2"', '"id": "ledger-1"')), 'duplicate_id'],
    ['a missing photo', async () => patch(await exported(), 'photos/photo-1.png', () => null), 'photo_missing'],
    ['a changed photo', async () => patch(await exported(), 'photos/photo-1.png', () => 'not the photo'), 'photo_corrupt'],
  ]
  for (const [name, make, code] of cases) {
    it(`refuses ${name} (${code}) with a message in Chinese and English`, async () => {
      const r = await parseVillageExport(await make(), { village })
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.error.code).toBe(code)
      expect(words(r.error.message).zh).toMatch(/[\u4e00-\u9fff]/)
      expect(words(r.error.message).en.length).toBeGreaterThan(10)
    })
  }

  it('refuses another village’s ledger', async () => {
    const r = await parseVillageExport(await exported(), { village: { code: '999999999', name: '石桥村' } })
    expect(r.ok || r.error.code).toBe('other_village')
    if (!r.ok) expect(words(r.error.message).zh).toBe('这是桐溪村（330100001）的台账，本机是石桥村（999999999），不能导入。')
  })

  it('names where an invalid record is', async () => {
    const r = await parseVillageExport(patch(await exported(), 'feed.json', (t) => t.replace('"postedOn": "2026-10-08"', '"postedOn": "yesterday"')), { village })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.path).toBe('_gongkai.ledger[0].postedOn')
  })
})
