/**
 * Finance tables must add up (domain.md §8): in every amount column
 * 期初 + 收入 − 支出 = 期末, subtotals equal their rows, each month opens with
 * the previous month's closing balance, and each table opens with the closing
 * balance of the finance table published before it.
 */
import type { Cell, Notice, NoticeTable } from '../types'
import type { LintFinding } from './types'

/** amounts are compared to the fen (分) */
const EPSILON = 0.005
const TOTAL_COLUMN = /合计|累计|总计|小计|total/i

export function amount(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return cell
  if (typeof cell !== 'string') return null
  const t = cell.replace(/[,，\s¥￥元]/g, '')
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null
}

const fmt = (n: number) => (Math.round(n * 100) / 100).toFixed(2)
const differs = (a: number, b: number) => Math.abs(a - b) > EPSILON

/** columns holding amounts: every cell of an opening or closing row is a number there */
function amountColumns(t: NoticeTable): number[] {
  const anchors = t.rows.filter((r) => r.kind === 'opening' || r.kind === 'closing')
  if (!anchors.length) return []
  return t.columns.map((_, c) => c).filter((c) => anchors.every((r) => amount(r.cells[c]) !== null))
}

/** month columns: amount columns that are not totals, in order */
export function periodColumns(t: NoticeTable): number[] {
  return amountColumns(t).filter((c) => !TOTAL_COLUMN.test(t.columns[c] ?? ''))
}

const rowValue = (t: NoticeTable, kind: string, c: number) => {
  const row = t.rows.find((r) => r.kind === kind)
  return row ? amount(row.cells[c]) : null
}
const sumOf = (t: NoticeTable, kind: string, c: number) => t.rows.filter((r) => r.kind === kind).reduce((s, r) => s + (amount(r.cells[c]) ?? 0), 0)

/** words of a 收支 statement in a caption, a column or a row label */
const FINANCE_WORDS = /期初|期末|余额|结余|收入合计|支出合计|收支/

/**
 * A table that reads like a finance statement but is not checked as one (no
 * row kinds: the CSV's first column is not 类型, or table_kind is not finance),
 * or a finance table without the 期初/期末 rows the checks start from: say so,
 * instead of skipping every check in silence.
 */
export function lintFinanceUnchecked(n: Notice, index: number): LintFinding[] {
  const t = n.table
  if (!t) return []
  const at = `items[${index}]._gongkai.table`
  const add = (code: string, params: Record<string, string>): LintFinding[] => [{ rule: 'finance-unchecked', severity: 'error', target: n.id, path: at, code: `feed.lint.${code}`, params: { table: t.caption || n.title, ...params } }]
  if (t.kind !== 'finance') {
    const labels = [...t.rows.map((r) => (typeof r.cells[0] === 'string' ? r.cells[0] : '')), ...t.columns, t.caption]
    const hit = labels.find((l) => FINANCE_WORDS.test(l))
    if (!hit) return []
    return add('finance_looks_unchecked', { hit })
  }
  const kinds = new Set(t.rows.map((r) => r.kind))
  if (kinds.has('opening') && kinds.has('closing') && amountColumns(t).length) return []
  return add(kinds.has('opening') && kinds.has('closing') ? 'finance_no_amount_column' : 'finance_no_anchor_rows', {})
}

export function lintFinanceTable(n: Notice, index: number): LintFinding[] {
  const t = n.table
  if (!t || t.kind !== 'finance') return []
  const out: LintFinding[] = []
  const at = `items[${index}]._gongkai.table`
  /** the row a finding is about (its index in the table), so the CLI can name the CSV line */
  const rowPath = (kind: string) => {
    const r = t.rows.findIndex((x) => x.kind === kind)
    return r < 0 ? at : `${at}.rows[${r}]`
  }
  const add = (rule: 'finance-reconcile' | 'finance-carry', code: string, params: Record<string, string>, path = at) => out.push({ rule, severity: 'error', target: n.id, path, code: `feed.lint.${code}`, params })
  for (const c of amountColumns(t)) {
    const col = t.columns[c]
    const opening = rowValue(t, 'opening', c)
    const closing = rowValue(t, 'closing', c)
    const income = sumOf(t, 'income', c)
    const expense = sumOf(t, 'expense', c)
    for (const [kind, detail] of [['income_total', income], ['expense_total', expense]] as const) {
      const total = rowValue(t, kind, c)
      if (total !== null && t.rows.some((r) => r.kind === kind.replace('_total', '')) && differs(total, detail)) {
        add('finance-reconcile', `finance_${kind}`, { column: col ?? '', total: fmt(total), sum: fmt(detail) }, rowPath(kind))
      }
    }
    if (opening === null || closing === null) continue
    const inc = rowValue(t, 'income_total', c) ?? income
    const exp = rowValue(t, 'expense_total', c) ?? expense
    const expected = opening + inc - exp
    if (differs(expected, closing)) {
      add('finance-reconcile', 'finance_reconcile', { column: col ?? '', opening: fmt(opening), income: fmt(inc), expense: fmt(exp), expected: fmt(expected), closing: fmt(closing) }, rowPath('closing'))
    }
  }
  const months = periodColumns(t)
  for (let i = 1; i < months.length; i++) {
    const prev = rowValue(t, 'closing', months[i - 1]!)
    const next = rowValue(t, 'opening', months[i]!)
    if (prev !== null && next !== null && differs(prev, next)) {
      const a = t.columns[months[i - 1]!]
      const b = t.columns[months[i]!]
      add('finance-carry', 'finance_carry_month', { from: a ?? '', to: b ?? '', opens: fmt(next), closed: fmt(prev) }, rowPath('opening'))
    }
  }
  return out
}

/** Between tables: each finance table opens where the previously published one closed. */
export function lintFinanceCarry(notices: Notice[]): LintFinding[] {
  const tables = notices
    .map((n, index) => ({ n, index, months: n.table?.kind === 'finance' ? periodColumns(n.table) : [] }))
    .filter((x) => x.months.length && x.n.published)
    .sort((a, b) => a.n.published!.localeCompare(b.n.published!))
  const out: LintFinding[] = []
  for (let i = 1; i < tables.length; i++) {
    const prev = tables[i - 1]!
    const cur = tables[i]!
    const closed = rowValue(prev.n.table!, 'closing', prev.months.at(-1)!)
    const opens = rowValue(cur.n.table!, 'opening', cur.months[0]!)
    if (closed === null || opens === null || !differs(closed, opens)) continue
    out.push({
      rule: 'finance-carry',
      severity: 'error',
      target: cur.n.id,
      path: `items[${cur.index}]._gongkai.table`,
      code: 'feed.lint.finance_carry_previous',
      params: { opens: fmt(opens), closed: fmt(closed), previous: prev.n.title },
    })
  }
  return out
}
