/** Report period keys as the API takes them: 2026-11, 2026-Q4, 2026. */
import type { ReportKind } from '../api/types'

const PATTERNS: Record<ReportKind, RegExp> = {
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
}

export function isReportKey(kind: ReportKind, key: string): boolean {
  return PATTERNS[kind].test(key)
}
