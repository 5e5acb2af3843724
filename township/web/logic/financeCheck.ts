/**
 * The finance-table view's live sums: per amount column 期初 + 收入 − 支出 and
 * the 期末 written, read with the lint's own amount() so "12,500.00" counts
 * as the lint counts it. The verdict that blocks submit is the lint's.
 */
import { amount } from '../../../src/feed/lint/finance'
import type { NoticeTable } from '../../../src/feed/types'

export interface ColumnSum {
  column: string
  opening: number
  income: number
  expense: number
  expected: number
  closing: number | null
  ok: boolean
}

const sum = (t: NoticeTable, c: number, ...kinds: string[]) => t.rows.filter((r) => kinds.includes(r.kind)).reduce((s, r) => s + (amount(r.cells[c]) ?? 0), 0)

export function columnSums(t: NoticeTable): ColumnSum[] {
  const out: ColumnSum[] = []
  const opening = t.rows.find((r) => r.kind === 'opening')
  const closing = t.rows.find((r) => r.kind === 'closing')
  if (!opening || !closing) return out
  t.columns.forEach((column, c) => {
    const o = amount(opening.cells[c])
    if (o === null) return
    const hasIncomeTotal = t.rows.some((r) => r.kind === 'income_total')
    const hasExpenseTotal = t.rows.some((r) => r.kind === 'expense_total')
    const income = hasIncomeTotal ? sum(t, c, 'income_total') : sum(t, c, 'income')
    const expense = hasExpenseTotal ? sum(t, c, 'expense_total') : sum(t, c, 'expense')
    const expected = o + income - expense
    const cl = amount(closing.cells[c])
    out.push({ column, opening: o, income, expense, expected, closing: cl, ok: cl !== null && Math.abs(cl - expected) <= 0.005 })
  })
  return out
}
