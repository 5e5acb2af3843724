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

/** a plain decimal as a feed writes an amount in text: "120000.00", "-35.5", "98,765.43" */
const AMOUNT_TEXT = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/
/** column headings of amounts (金额, 收入, 支出, 余额, 合计, 补贴, 标准, …元) */
const AMOUNT_HEADING = /金额|收入|支出|余额|合计|小计|补贴|补助|标准|款|元|amount|total|income|expense|balance/i

/**
 * A cell written as text that is an amount: shown like one (thousands separators,
 * right-aligned). Text with decimals is an amount in any column; whole numbers
 * only under an amount heading, so that years and house numbers stay as written.
 */
export function amountText(cell: string, heading: string, locale: string): string | null {
  const m = AMOUNT_TEXT.exec(cell.trim())
  if (!m || (m[1] === undefined && !AMOUNT_HEADING.test(heading))) return null
  const n = Number(cell.trim().replace(/,/g, ''))
  if (!Number.isFinite(n)) return null
  const decimals = m[1]?.length ?? 0
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n)
}

/** Amounts as in a finance statement: always two decimals; other tables as written (up to two decimals). */
export function tableNumber(n: number, locale: string, finance: boolean): string {
  return new Intl.NumberFormat(locale, finance ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { maximumFractionDigits: 2 }).format(n)
}
