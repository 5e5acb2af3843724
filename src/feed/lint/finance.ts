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
  const add = (zh: string, en: string): LintFinding[] => [{ rule: 'finance-unchecked', severity: 'error', target: n.id, path: at, zh, en }]
  if (t.kind !== 'finance') {
    const labels = [...t.rows.map((r) => (typeof r.cells[0] === 'string' ? r.cells[0] : '')), ...t.columns, t.caption]
    const hit = labels.find((l) => FINANCE_WORDS.test(l))
    if (!hit) return []
    return add(
      `表格“${t.caption || n.title}”看起来是财务收支表（有“${hit}”），但没有按财务表核对：CSV 第一列应为“类型”（期初、收入、收入合计、支出、支出合计、期末），或在开头写 table_kind: finance。确实不是财务表时写 lint_ignore: [finance-unchecked]`,
      `table “${t.caption || n.id}” reads like a finance statement (“${hit}”) but is not checked as one: make the CSV's first column 类型 (期初, 收入, 支出, 期末 …) or set table_kind: finance; if it really is not, add lint_ignore: [finance-unchecked]`,
    )
  }
  const kinds = new Set(t.rows.map((r) => r.kind))
  if (kinds.has('opening') && kinds.has('closing') && amountColumns(t).length) return []
  return add(
    `财务表“${t.caption || n.title}”${kinds.has('opening') && kinds.has('closing') ? '的期初、期末行没有一列全是金额' : '缺少期初或期末行'}，无法核对收支。请写“期初,期初余额,…”和“期末,期末余额,…”两行`,
    `finance table “${t.caption || n.id}” ${kinds.has('opening') && kinds.has('closing') ? 'has no column where the opening and closing rows both hold amounts' : 'lacks an opening or closing row'}, so nothing can be reconciled`,
  )
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
  const add = (rule: 'finance-reconcile' | 'finance-carry', zh: string, en: string, path = at) => out.push({ rule, severity: 'error', target: n.id, path, zh, en })
  for (const c of amountColumns(t)) {
    const col = t.columns[c]
    const opening = rowValue(t, 'opening', c)
    const closing = rowValue(t, 'closing', c)
    const income = sumOf(t, 'income', c)
    const expense = sumOf(t, 'expense', c)
    for (const [kind, detail, zhName, enName] of [['income_total', income, '收入合计', 'income total'], ['expense_total', expense, '支出合计', 'expense total']] as const) {
      const total = rowValue(t, kind, c)
      if (total !== null && t.rows.some((r) => r.kind === kind.replace('_total', '')) && differs(total, detail)) {
        add('finance-reconcile', `“${col}”列${zhName} ${fmt(total)} 不等于各明细之和 ${fmt(detail)}`, `column “${col}”: ${enName} ${fmt(total)} is not the sum of its rows ${fmt(detail)}`, rowPath(kind))
      }
    }
    if (opening === null || closing === null) continue
    const inc = rowValue(t, 'income_total', c) ?? income
    const exp = rowValue(t, 'expense_total', c) ?? expense
    const expected = opening + inc - exp
    if (differs(expected, closing)) {
      add(
        'finance-reconcile',
        `“${col}”列对不上：期初 ${fmt(opening)} + 收入 ${fmt(inc)} − 支出 ${fmt(exp)} = ${fmt(expected)}，但期末写的是 ${fmt(closing)}`,
        `column “${col}” does not reconcile: opening ${fmt(opening)} + income ${fmt(inc)} − expense ${fmt(exp)} = ${fmt(expected)}, but closing says ${fmt(closing)}`,
        rowPath('closing'),
      )
    }
  }
  const months = periodColumns(t)
  for (let i = 1; i < months.length; i++) {
    const prev = rowValue(t, 'closing', months[i - 1]!)
    const next = rowValue(t, 'opening', months[i]!)
    if (prev !== null && next !== null && differs(prev, next)) {
      const a = t.columns[months[i - 1]!]
      const b = t.columns[months[i]!]
      add('finance-carry', `“${b}”期初 ${fmt(next)} 应等于“${a}”期末 ${fmt(prev)}`, `“${b}” opens with ${fmt(next)} but “${a}” closed with ${fmt(prev)}`, rowPath('opening'))
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
      zh: `期初余额 ${fmt(opens)} 应等于上一期（${prev.n.title}）的期末余额 ${fmt(closed)}`,
      en: `opening balance ${fmt(opens)} should equal the closing balance ${fmt(closed)} of the previous period (${prev.n.id})`,
    })
  }
  return out
}
