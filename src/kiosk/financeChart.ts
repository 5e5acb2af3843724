/**
 * The bars of a finance table's chart: each income and expense row, valued by
 * its last number (the total column when there is one), grouped as income
 * then expense. Totals, opening and closing rows are not bars.
 */
import type { NoticeTable } from '../feed/types'

export interface ChartBar {
  label: string
  value: number
  group: 'income' | 'expense'
  /** 0–1 of the largest bar */
  share: number
}

export function financeBars(table: NoticeTable): ChartBar[] {
  if (table.kind !== 'finance') return []
  const bars: Omit<ChartBar, 'share'>[] = []
  for (const row of table.rows) {
    if (row.kind !== 'income' && row.kind !== 'expense') continue
    const nums = row.cells.slice(1).filter((c): c is number => typeof c === 'number' && Number.isFinite(c))
    const value = nums.at(-1)
    if (value === undefined) continue
    bars.push({ label: String(row.cells[0] ?? ''), value, group: row.kind })
  }
  const max = Math.max(0, ...bars.map((b) => Math.abs(b.value)))
  return bars.map((b) => ({ ...b, share: max > 0 ? Math.abs(b.value) / max : 0 }))
}

/** Amounts as in a finance statement: always two decimals; other tables as written (up to two decimals). */
export function tableNumber(n: number, locale: string, finance: boolean): string {
  return new Intl.NumberFormat(locale, finance ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { maximumFractionDigits: 2 }).format(n)
}
