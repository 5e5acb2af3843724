/** lint FILE|DIR: the mistakes a valid feed can still carry. */
import { lintDocument, type LintResult } from '../../src/feed/lint'
import { chinaDay, type Io } from '../io'
import { isDir, loadSource, readFeedText } from './load'
import { printLint, printProblems, type Locate } from './report'

/** per-notice lint_ignore written into a built feed's items (kept out of the schema, read raw) */
function ignoresInFeed(json: unknown): Record<string, string[]> {
  const items = (json as { items?: unknown })?.items
  const out: Record<string, string[]> = {}
  if (!Array.isArray(items)) return out
  for (const it of items as { id?: unknown; _gongkai?: { lint_ignore?: unknown } }[]) {
    const off = it?._gongkai?.lint_ignore
    if (Array.isArray(off) && (typeof it.id === 'string' || typeof it.id === 'number')) out[String(it.id)] = off.map(String)
  }
  return out
}

export async function lintTarget(target: string, io: Io, today = chinaDay(io.now())): Promise<{ code: number; result: LintResult | null }> {
  let json: unknown
  let ignore: Record<string, string[]>
  let locate: Locate | undefined
  if (isDir(target)) {
    const src = loadSource(target, io)
    if (src.problems.length) {
      printProblems(io, src.problems)
      io.err(`共 ${src.problems.length} 处问题 / ${src.problems.length} problem(s)`)
      return { code: 1, result: null }
    }
    json = src.document
    ignore = src.ignore
    locate = src.locate
  } else {
    const text = await readFeedText(target)
    try {
      json = JSON.parse(text)
    } catch (e) {
      io.err(`✗ ${target}: 不是有效的 JSON / not valid JSON (${(e as Error).message})`)
      return { code: 1, result: null }
    }
    ignore = ignoresInFeed(json)
  }
  const result = lintDocument(json, { today, ignore })
  printLint(io, result, locate, json)
  return { code: result.errors ? 1 : 0, result }
}
