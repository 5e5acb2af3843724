/**
 * Hostile import files (issue 16 item 2, issue 18 item 10), built in memory:
 * the unit tests and the end-to-end import test refuse the same bytes.
 */
import { strToU8, zipSync } from 'fflate'

/** the kiosk's village: the demo feed's 桐溪村 */
export const HERE = { code: '341000000001', name: '桐溪村' }

/** a valid-looking export envelope with nothing in it */
export function envelope(over: Record<string, unknown> = {}, photos: unknown[] = []): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'x',
    items: [],
    _gongkai: { kind: 'village-layer', schema: 1, exported_at: '2026-11-27T01:00:00.000Z', village: HERE, checklist_items: [], ledger: [], photos, ...over },
  }
}

const feed = (over: Record<string, unknown> = {}, photos: unknown[] = []) => strToU8(JSON.stringify(envelope(over, photos)))

/** offsets of every central-directory record */
function cdRecords(zip: Uint8Array): number[] {
  const out: number[] = []
  for (let i = 0; i + 4 <= zip.length; i++) if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 0x01 && zip[i + 3] === 0x02) out.push(i)
  return out
}
const setU32 = (b: Uint8Array, i: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(i, v, true)

/** a small zip whose photo entry inflates to `size` bytes of zeros (declared honestly in the directory) */
export function zipBomb(size = 1024 * 1024 * 1024): Uint8Array {
  // fflate compresses zeros ~1000:1; the directory then says `size`
  const chunk = 64 * 1024 * 1024
  const z = zipSync({ 'feed.json': feed(), 'photos/p.jpg': new Uint8Array(Math.min(size, chunk)) }, { level: 9 })
  if (size > chunk) for (const at of cdRecords(z)) if (new TextDecoder().decode(z.subarray(at + 46, at + 46 + 12)) === 'photos/p.jpg') setU32(z, at + 24, size)
  return z
}

/** a zip whose directory claims a small photo that inflates far beyond it */
export function lyingBomb(): Uint8Array {
  const photo = { id: 'photo-1', path: 'photos/p.jpg', mimeType: 'image/jpeg', width: 10, height: 10, createdAt: '2026-11-27T01:00:00.000Z', size_in_bytes: 1000, sha256: '0'.repeat(64) }
  const z = zipSync({ 'feed.json': feed({}, [photo]), 'photos/p.jpg': new Uint8Array(16 * 1024 * 1024) }, { level: 9 })
  for (const at of cdRecords(z)) if (new TextDecoder().decode(z.subarray(at + 46, at + 46 + 12)) === 'photos/p.jpg') setU32(z, at + 24, 1000)
  return z
}

/** `count` tiny entries */
export function manyEntries(count = 100_000): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = { 'feed.json': feed() }
  const empty = new Uint8Array(0)
  for (let i = 0; i < count; i++) files[`photos/${i}.jpg`] = [empty, { level: 0 }]
  return zipSync(files)
}

/** a good export cut short */
export function truncated(): Uint8Array {
  const z = zipSync({ 'feed.json': feed(), 'photos/a.jpg': [new Uint8Array(50_000).fill(7), { level: 0 }] })
  return z.subarray(0, Math.floor(z.length * 0.6))
}

/** an entry named ../ (zip slip) */
export function dotDot(): Uint8Array {
  return zipSync({ 'feed.json': feed(), '../../evil.jpg': strToU8('x') })
}

/** two feed.json entries: the second a forgery */
export function duplicateFeed(): Uint8Array {
  const z = zipSync({ 'feed.json': feed(), 'feed.jsoX': feed({ village: { code: '999', name: '伪造村' } }) })
  // rename the second to feed.json in both its local header and its directory record
  const name = strToU8('feed.jsoX')
  for (let i = 0; i + name.length <= z.length; i++) if (name.every((b, k) => z[i + k] === b)) z[i + 8] = 'n'.charCodeAt(0)
  return z
}

/** another village's export */
export function foreign(): Uint8Array {
  return zipSync({ 'feed.json': feed({ village: { code: '330100999', name: '石桥村' } }) })
}

export function nullVillage(): Uint8Array {
  return zipSync({ 'feed.json': feed({ village: null }) })
}

export function missingVillage(): Uint8Array {
  const doc = envelope()
  delete (doc._gongkai as Record<string, unknown>).village
  return zipSync({ 'feed.json': strToU8(JSON.stringify(doc)) })
}

/** a photo listed under the path `constructor` (an object lookup would find Object's constructor) */
export function constructorPath(): Uint8Array {
  const photo = { id: 'photo-1', path: 'constructor', mimeType: 'image/jpeg', width: 10, height: 10, createdAt: '2026-11-27T01:00:00.000Z', size_in_bytes: 3, sha256: '0'.repeat(64) }
  return zipSync({ 'feed.json': feed({}, [photo]) })
}

/** every hostile file with the refusal code it must get */
export const HOSTILE: Array<[name: string, make: () => Uint8Array, code: string]> = [
  ['zip bomb (1 GB photo in a small zip)', () => zipBomb(), 'entry_too_big'],
  ['lying zip bomb (directory says 1000 bytes, inflates to 16 MB)', lyingBomb, 'entry_too_big'],
  ['100,000 entries', () => manyEntries(), 'too_many_entries'],
  ['truncated zip', truncated, 'truncated'],
  ['../ entry names', dotDot, 'bad_name'],
  ['two feed.json entries', duplicateFeed, 'duplicate_name'],
  ['another village', foreign, 'other_village'],
  ['village null', nullVillage, 'no_village'],
  ['village missing', missingVillage, 'no_village'],
  ['a photo path named constructor', constructorPath, 'photo_missing'],
]
