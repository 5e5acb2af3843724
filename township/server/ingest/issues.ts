/** valibot issues → a short, stable list for the error's detail: where and which rule. */
import type * as v from 'valibot'

export function issueList(issues: readonly v.BaseIssue<unknown>[]): { path: string; rule: string }[] {
  return issues.slice(0, 20).map((i) => ({
    path: (i.path ?? []).map((p) => String((p as { key?: unknown }).key)).join('.') || '(root)',
    rule: i.message,
  }))
}
