/**
 * A bounded zip reader for import files (issue 16 item 2, issue 18 item 10).
 * The central directory is read first, from the end of the file, and every
 * entry is checked against IMPORT_CAPS before a byte is inflated: entry count,
 * per-entry and total sizes, compression ratio, names (no `..`, absolute or
 * duplicate names), methods (stored or deflate), no encryption, no zip64.
 * An entry is then inflated as a stream (fflate's Inflate) from slices of the
 * Blob, counting bytes as they come out: it stops at the size the directory
 * declared, so a lying header cannot grow it either. Memory stays about one
 * entry at its cap plus a 64 KB read slice and what 4 KB of deflate can make.
 */
import { Inflate } from 'fflate'

/** docs/village-export-format.md#caps */
export const IMPORT_CAPS = {
  /** one photo, uncompressed (the console takes at most 8 MB per photo) */
  maxPhotoBytes: 8 * 1024 * 1024,
  /** feed.json, uncompressed */
  maxFeedBytes: 8 * 1024 * 1024,
  /** all entries together, uncompressed, and the file itself */
  maxTotalBytes: 256 * 1024 * 1024,
  /** feed.json and the photos; a village has a few thousand photos at most */
  maxEntries: 5000,
  /** uncompressed / compressed for entries beyond RATIO_FROM bytes: JSON packs ~10:1, photos ~1:1 */
  maxRatio: 100,
} as const
export type ImportCaps = { [K in keyof typeof IMPORT_CAPS]: number }
const RATIO_FROM = 64 * 1024
const READ_SLICE = 64 * 1024
const PUSH_BYTES = 4 * 1024

export type ZipRefusal =
  | { code: 'not_zip' }
  | { code: 'truncated' }
  | { code: 'too_many_entries'; count: number }
  | { code: 'entry_too_big'; name: string; size: number; cap: number }
  | { code: 'too_big_total'; size: number }
  | { code: 'ratio'; name: string; ratio: number }
  | { code: 'bad_name'; name: string }
  | { code: 'duplicate_name'; name: string }
  | { code: 'unsupported'; name: string }

export class ZipRefused extends Error {
  constructor(readonly refusal: ZipRefusal) {
    super(refusal.code)
  }
}

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8)
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0

async function read(file: Blob, start: number, end: number): Promise<Uint8Array> {
  if (start < 0 || end > file.size || start > end) throw new ZipRefused({ code: 'truncated' })
  return new Uint8Array(await file.slice(start, end).arrayBuffer())
}

/** `..`, absolute paths, backslashes, drive letters and control characters are no names an export writes. */
export function badEntryName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !name || name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name) || /[\u0000-\u001f]/.test(name) || name.split('/').some((p) => p === '..' || p === '.')
}

/** The checked central directory, by name (a Map: names like `constructor` are names, not lookups). */
export async function readZipDirectory(file: Blob, caps: ImportCaps = IMPORT_CAPS, capOf: (name: string) => number = () => caps.maxPhotoBytes): Promise<Map<string, ZipEntry>> {
  if (file.size < 22) throw new ZipRefused({ code: 'not_zip' })
  if (file.size > caps.maxTotalBytes) throw new ZipRefused({ code: 'too_big_total', size: file.size })
  // the end-of-central-directory record is in the last 22 + 65535 (comment) bytes
  const tailStart = Math.max(0, file.size - 22 - 65535)
  const tail = await read(file, tailStart, file.size)
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) {
      eocd = i
      break
    }
  }
  if (eocd < 0) {
    // a local header at the start but no directory at the end: the file was cut short
    const head = await read(file, 0, 4)
    throw new ZipRefused({ code: head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04 ? 'truncated' : 'not_zip' })
  }
  const count = u16(tail, eocd + 10)
  const cdSize = u32(tail, eocd + 12)
  const cdOffset = u32(tail, eocd + 16)
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipRefused({ code: 'unsupported', name: '(zip64)' })
  if (count > caps.maxEntries) throw new ZipRefused({ code: 'too_many_entries', count })
  // every directory record is at least 46 bytes
  if (cdSize < count * 46) throw new ZipRefused({ code: 'not_zip' })
  // a directory bigger than its count allows holds more entries than it says (a 16-bit count that wrapped)
  if (cdSize > count * (46 + 3 * 65535)) throw new ZipRefused({ code: 'too_many_entries', count: count + 65536 })
  if (cdOffset + cdSize > tailStart + eocd) throw new ZipRefused({ code: 'truncated' })
  const cd = await read(file, cdOffset, cdOffset + cdSize)
  const entries = new Map<string, ZipEntry>()
  let total = 0
  const decoder = new TextDecoder('utf-8', { fatal: false })
  let p = 0
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || u32(cd, p) !== 0x02014b50) throw new ZipRefused({ code: 'not_zip' })
    const flags = u16(cd, p + 8)
    const method = u16(cd, p + 10)
    const compressedSize = u32(cd, p + 20)
    const size = u32(cd, p + 24)
    const nameLen = u16(cd, p + 28)
    const extraLen = u16(cd, p + 30)
    const commentLen = u16(cd, p + 32)
    const localOffset = u32(cd, p + 42)
    if (p + 46 + nameLen > cd.length) throw new ZipRefused({ code: 'not_zip' })
    const name = decoder.decode(cd.subarray(p + 46, p + 46 + nameLen))
    p += 46 + nameLen + extraLen + commentLen
    if (name.endsWith('/') && size === 0) continue // a directory entry
    if (badEntryName(name)) throw new ZipRefused({ code: 'bad_name', name })
    if (entries.has(name)) throw new ZipRefused({ code: 'duplicate_name', name })
    if ((flags & 1) !== 0 || (method !== 0 && method !== 8) || size === 0xffffffff || compressedSize === 0xffffffff) throw new ZipRefused({ code: 'unsupported', name })
    const cap = capOf(name)
    if (size > cap) throw new ZipRefused({ code: 'entry_too_big', name, size, cap })
    total += size
    if (total > caps.maxTotalBytes) throw new ZipRefused({ code: 'too_big_total', size: total })
    if (size > RATIO_FROM && size / Math.max(1, compressedSize) > caps.maxRatio) throw new ZipRefused({ code: 'ratio', name, ratio: Math.round(size / Math.max(1, compressedSize)) })
    if (method === 0 && compressedSize !== size) throw new ZipRefused({ code: 'not_zip' })
    if (localOffset + 30 + compressedSize > cdOffset) throw new ZipRefused({ code: 'truncated' })
    entries.set(name, { name, method, compressedSize, size, localOffset })
  }
  // more directory records than the 16-bit count says: a count that wrapped past 65,535
  if (p < cd.length) throw new ZipRefused({ code: 'too_many_entries', count: count + 65536 })
  return entries
}

/** One entry's bytes, inflated as a stream and never beyond the size the directory declared. */
export async function readZipEntry(file: Blob, e: ZipEntry): Promise<Uint8Array> {
  const local = await read(file, e.localOffset, e.localOffset + 30)
  if (u32(local, 0) !== 0x04034b50) throw new ZipRefused({ code: 'not_zip' })
  const start = e.localOffset + 30 + u16(local, 26) + u16(local, 28)
  const end = start + e.compressedSize
  if (end > file.size) throw new ZipRefused({ code: 'truncated' })
  if (e.method === 0) return read(file, start, end)
  const out = new Uint8Array(e.size)
  let written = 0
  let done = false
  const inflate = new Inflate((chunk, final) => {
    if (written + chunk.length > e.size) throw new ZipRefused({ code: 'entry_too_big', name: e.name, size: written + chunk.length, cap: e.size })
    out.set(chunk, written)
    written += chunk.length
    if (final) done = true
  })
  try {
    for (let at = start; at < end; at += READ_SLICE) {
      const stop = Math.min(end, at + READ_SLICE)
      const slice = await read(file, at, stop)
      // deflate expands at most ~1032:1: fed 4 KB at a time, one push makes at most ~4 MB before the count stops it
      for (let i = 0; i < slice.length; i += PUSH_BYTES) inflate.push(slice.subarray(i, Math.min(slice.length, i + PUSH_BYTES)), stop === end && i + PUSH_BYTES >= slice.length)
    }
  } catch (err) {
    if (err instanceof ZipRefused) throw err
    throw new ZipRefused({ code: 'truncated' })
  }
  if (!done || written !== e.size) throw new ZipRefused({ code: 'truncated' })
  return out
}
