/** Reading a feed from a file or a URL, and a source folder into a feed document. */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { readSource, type SourceResult } from '../source/readSource'
import { decodeText } from '../../src/import/decodeText'
import { SourceError } from '../../src/import/problem'
import { chinaDateTime, UsageError, type Io } from '../io'

export const isUrl = (target: string) => /^https?:\/\//.test(target)

export async function readFeedBytes(target: string): Promise<Uint8Array> {
  if (isUrl(target)) {
    let res: Response
    try {
      res = await fetch(target, { signal: AbortSignal.timeout(30_000), cache: 'no-store' })
    } catch (e) {
      throw new UsageError(`${target}: 无法下载（${(e as Error).message}） / could not fetch`)
    }
    if (!res.ok) throw new UsageError(`${target}: HTTP ${res.status}`)
    return new Uint8Array(await res.arrayBuffer())
  }
  if (!existsSync(target)) throw new UsageError(`${target}: 文件不存在 / no such file`)
  return readFileSync(target)
}

/** a feed file or URL as text: UTF-8, UTF-8 with BOM or GBK/GB18030; unreadable text is a UsageError naming it */
export async function readFeedText(target: string): Promise<string> {
  try {
    return decodeText(await readFeedBytes(target), target).text
  } catch (e) {
    if (e instanceof SourceError) throw new UsageError(e.message)
    throw e
  }
}

export const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory()

/** the _gongkai.revision of a feed's text, or null when it has none */
export function revisionOf(text: string): number | null {
  try {
    const r = (JSON.parse(text) as { _gongkai?: { revision?: unknown } })._gongkai?.revision
    return typeof r === 'number' && Number.isSafeInteger(r) ? r : null
  } catch {
    return null
  }
}

/** the revision of OUT/feed.json, or 0 when OUT has none */
export function lastRevision(outDir: string): number {
  const p = join(outDir, 'feed.json')
  if (!existsSync(p)) return 0
  return revisionOf(readFileSync(p, 'utf8')) ?? 0
}

export function loadSource(dir: string, io: Io, revision = 1): SourceResult {
  if (!isDir(dir)) throw new UsageError(`${dir}: 不是文件夹 / not a folder`)
  return readSource(dir, { revision, generatedAt: chinaDateTime(io.now()) })
}
