/** Printing feed issues and lint findings, one a line, Chinese / English. */
import type { FeedIssue } from '../../src/feed/issues'
import type { LintResult } from '../../src/feed/lint'
import type { Io } from '../io'

export function printIssues(io: Io, label: string, issues: FeedIssue[]) {
  for (const i of issues) io.err(`  ${label} ${i.path || '(feed)'}: ${i.zh} / ${i.en}`)
}

export function printLint(io: Io, r: LintResult) {
  for (const f of r.findings) io.err(`  ✗ [${f.rule}] ${f.target ? f.target + ' ' : ''}${f.path}: ${f.zh} / ${f.en}`)
  for (const f of r.ignored) io.out(`  · 已按 lint_ignore 忽略 / ignored: [${f.rule}] ${f.target} ${f.path}`)
  if (r.errors) io.err(`共 ${r.errors} 个错误 / ${r.errors} error(s)`)
  else io.out(`检查通过 / lint passed${r.warnings ? `（${r.warnings} 个提醒 / warnings）` : ''}`)
}
