/** Printing feed issues and lint findings, one a line, Chinese / English, with the file and line when known. */
import type { FeedIssue } from '../../src/feed/issues'
import type { LintResult } from '../../src/feed/lint'
import { formatProblem, where, type SourceProblem } from '../../src/import/problem'
import type { Io } from '../io'

/** a JSON path → the source file and line it came from (a build from a folder) */
export type Locate = (path: string) => { file: string; line?: number } | undefined

const place = (locate: Locate | undefined, path: string) => {
  const at = path ? locate?.(path) : undefined
  return at ? `${where(at)} (${path})` : path || '(feed)'
}

export function printIssues(io: Io, label: string, issues: FeedIssue[], locate?: Locate) {
  for (const i of issues) io.err(`  ${label} ${place(locate, i.path)}: ${i.zh} / ${i.en}`)
}

export function printProblems(io: Io, problems: SourceProblem[]) {
  for (const p of problems) io.err(`  ✗ ${formatProblem(p)}`)
}

export function printLint(io: Io, r: LintResult, locate?: Locate) {
  for (const f of r.findings) io.err(`  ✗ [${f.rule}] ${f.target ? f.target + ' ' : ''}${place(locate, f.path)}: ${f.zh} / ${f.en}`)
  for (const f of r.ignored) io.out(`  · 已按 lint_ignore 忽略 / ignored: [${f.rule}] ${f.target} ${f.path}`)
  if (r.errors) io.err(`共 ${r.errors} 个错误 / ${r.errors} error(s)`)
  else io.out(`检查通过 / lint passed${r.warnings ? `（${r.warnings} 个提醒 / warnings）` : ''}`)
}
