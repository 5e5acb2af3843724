/** Reading a feed from a file or a URL, and a source folder into a feed document. */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { readSource, type SourceResult } from '../source/readSource'
import { chinaDateTime, UsageError, type Io } from '../io'

export async function readFeedBytes(target: string): Promise<Uint8Array> {
  if (/^https?:\/\//.test(target)) {
    const res = await fetch(target, { signal: AbortSignal.timeout(30_000) })
    if (!res.ok) throw new UsageError(`${target}: HTTP ${res.status}`)
    return new Uint8Array(await res.arrayBuffer())
  }
  if (!existsSync(target)) throw new UsageError(`${target}: 文件不存在 / no such file`)
  return readFileSync(target)
}

export const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory()

/** the revision of OUT/feed.json, or 0 */
export function lastRevision(outDir: string): number {
  const p = join(outDir, 'feed.json')
  if (!existsSync(p)) return 0
  try {
    const r = (JSON.parse(readFileSync(p, 'utf8')) as { _gongkai?: { revision?: unknown } })._gongkai?.revision
    return typeof r === 'number' && Number.isSafeInteger(r) ? r : 0
  } catch {
    return 0
  }
}

export function loadSource(dir: string, io: Io, revision = 1): SourceResult {
  if (!isDir(dir)) throw new UsageError(`${dir}: 不是文件夹 / not a folder`)
  return readSource(dir, { revision, generatedAt: chinaDateTime(io.now()) })
}
