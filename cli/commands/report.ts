/** Printing feed issues and lint findings, one a line, Chinese / English, with the file and line when known. */
import { issueMessage, parsePath, type FeedIssue } from '../../src/feed/issues'
import { kioskTranslator } from '../../src/i18n/node'
import type { Message } from '../../src/i18n/message'
import { scanText } from '../../src/privacy'
import type { LintResult } from '../../src/feed/lint'
import { formatProblem, where, type SourceProblem } from '../../src/import/problem'
import type { Io } from '../io'

/** a JSON path → the source file and line it came from (a build from a folder) */
export type Locate = (path: string) => { file: string; line?: number } | undefined

const place = (locate: Locate | undefined, path: string) => {
  const at = path ? locate?.(path) : undefined
  return at ? `${where(at)} (${path})` : path || '(feed)'
}

/** the value at a path of the document, quoted, when it is a scalar (personal numbers masked, long text cut) */
function quoted(doc: unknown, path: string): string | null {
  let v: unknown = doc
  for (const k of parsePath(path)) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined
  if (v === undefined || (typeof v === 'object' && v !== null)) return null
  const text = scanText(JSON.stringify(v)).text
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}

/** "应为 … / expected …", or "写成了 "2026/10/5"，应为 … / is "2026/10/5": expected …" when the value is known */
function reasonWithValue(m: Message, doc: unknown, path: string): string {
  const tr = kioskTranslator()
  const q = doc === undefined || !path ? null : quoted(doc, path)
  const say = (locale: string) => {
    const reason = tr.t(m, locale)
    return q === null ? reason : tr.t({ code: 'feed.issue.with_value', params: { value: q, reason } }, locale)
  }
  return `${say('zh-CN')} / ${say('en')}`
}

/** @param doc the document the issues are about, to quote the offending value */
export function printIssues(io: Io, label: string, issues: FeedIssue[], locate?: Locate, doc?: unknown) {
  for (const i of issues) io.err(`  ${label} ${place(locate, i.path)}: ${reasonWithValue(issueMessage(i), doc, i.path)}`)
}

export function printProblems(io: Io, problems: SourceProblem[]) {
  for (const p of problems) io.err(`  ✗ ${formatProblem(p)}`)
}

export function printLint(io: Io, r: LintResult, locate?: Locate, doc?: unknown) {
  for (const f of r.findings) {
    // schema findings are the validator's: quote the value; the other rules name it themselves
    const reason = reasonWithValue(f, f.rule === 'schema' ? doc : undefined, f.path)
    io.err(`  ✗ [${f.rule}] ${f.target ? f.target + ' ' : ''}${place(locate, f.path)}: ${reason}`)
  }
  for (const f of r.ignored) io.out(`  · 已按 lint_ignore 忽略 / ignored: [${f.rule}] ${f.target} ${f.path}`)
  if (r.errors) io.err(`共 ${r.errors} 个错误 / ${r.errors} error(s)`)
  else io.out(`检查通过 / lint passed${r.warnings ? `（${r.warnings} 个提醒 / warnings）` : ''}`)
}
