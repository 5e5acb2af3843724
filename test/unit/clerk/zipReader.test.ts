import { words } from '../../support/words'
import { describe, expect, it } from 'vitest'
import { strToU8, zipSync } from 'fflate'
import { parseVillageExport } from '../../../src/clerk/exportFormat'
import { IMPORT_CAPS, badEntryName, readZipDirectory, readZipEntry } from '../../../src/clerk/zipReader'
import { HERE, HOSTILE, envelope, lyingBomb } from './hostileZips'

describe('bounded import: hostile files are refused with their reason, in words', () => {
  it.each(HOSTILE)('%s → %s', async (_name, make, code) => {
    const bytes = make()
    const t0 = performance.now()
    const r = await parseVillageExport(bytes, { village: HERE })
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe(code)
    expect(words(r.error.message).zh).toMatch(/[\u4e00-\u9fff]/)
    expect(words(r.error.message).en.length).toBeGreaterThan(10)
  })

  it('a foreign file names both villages', async () => {
    const r = await parseVillageExport(HOSTILE.find(([, , c]) => c === 'other_village')![1](), { village: HERE })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(words(r.error.message).zh).toContain('石桥村（330100999）')
    expect(words(r.error.message).zh).toContain('桐溪村（341000000001）')
    expect(words(r.error.message).en).toContain('330100999')
  })

  it('a zip bomb is refused from its directory: nothing is inflated', async () => {
    const r = await parseVillageExport(HOSTILE[0]![1](), { village: HERE })
    if (!r.ok) expect(words(r.error.message).zh).toMatch(/1024\.0 MB.*上限 8\.0 MB/)
  })

  it('a count that wrapped past 65,535 is still too many', async () => {
    const { manyEntries } = await import('./hostileZips')
    // 65,536 + 10 entries: the 16-bit count says 11
    const r = await parseVillageExport(manyEntries(65_546), { village: HERE })
    expect(r.ok || r.error.code).toBe('too_many_entries')
  })

  it('a directory that lies about a size stops the inflate at the declared size', async () => {
    const bomb = lyingBomb()
    // with the ratio check off, the stream count is what stops it
    const entries = await readZipDirectory(new Blob([bomb as BlobPart]), { ...IMPORT_CAPS, maxRatio: 1e12 })
    await expect(readZipEntry(new Blob([bomb as BlobPart]), entries.get('photos/p.jpg')!)).rejects.toMatchObject({ refusal: { code: 'entry_too_big' } })
  })

  it('reads entries named like Object properties as names', async () => {
    // fflate's own writer trips on a __proto__ key: write zzproto__ and rename it in the bytes
    const z = zipSync({ constructor: strToU8('a'), zzproto__: strToU8('b'), 'feed.json': strToU8(JSON.stringify(envelope())) })
    const from = strToU8('zzproto__')
    for (let i = 0; i + from.length <= z.length; i++) if (from.every((b, k) => z[i + k] === b)) z.set(strToU8('__'), i)
    const blob = new Blob([z as BlobPart])
    const entries = await readZipDirectory(blob)
    expect([...entries.keys()].sort()).toEqual(['__proto__', 'constructor', 'feed.json'])
    expect(new TextDecoder().decode(await readZipEntry(blob, entries.get('constructor')!))).toBe('a')
  })

  it.each([
    ['../x', true], ['a/../../x', true], ['/etc/passwd', true], ['C:/x', true], ['a\\b', true], ['./x', true], ['', true],
    ['feed.json', false], ['photos/photo-1.jpg', false], ['constructor', false],
  ])('entry name %j unsafe: %s', (name, bad) => {
    expect(badEntryName(name)).toBe(bad)
  })
})
