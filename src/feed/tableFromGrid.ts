/**
 * A grid of cells as a spreadsheet gives it (CSV, .xlsx, a paste from Excel or
 * WPS) → a feed table. One conversion for the CLI's notices/<name>.csv and the
 * township console's uploads and pastes.
 *
 * Two layouts: the CLI's, whose first column is the row kind (类型 / kind),
 * and a statement as offices write it, whose first column is the row label;
 * there a finance row's kind is read from its label (期初余额, 收入合计, …).
 */
import type { Cell, NoticeTable, TableRowKind } from './types'

export const ROW_KIND_NAMES: Record<string, TableRowKind> = {
  期初: 'opening', 期初余额: 'opening', 上期结余: 'opening', opening: 'opening',
  收入: 'income', income: 'income', 收入合计: 'income_total', income_total: 'income_total',
  支出: 'expense', expense: 'expense', 支出合计: 'expense_total', expense_total: 'expense_total',
  期末: 'closing', 期末余额: 'closing', 本期结余: 'closing', closing: 'closing',
  备注: 'memo', memo: 'memo', 合计: 'total', total: 'total', 数据: 'data', data: 'data', '': 'data',
}

/** first-column headers that mark a finance table's row kinds */
export const KIND_HEADERS = ['kind', '类型', '行类型', '类别', '收支类型', '收支类别', '科目类型']

/** a spreadsheet cell: amounts (up to 10 integer digits) become numbers; longer digit runs (IDs, cards, phones) stay text so nothing is rounded */
export function gridCell(raw: string | number | null | undefined): Cell {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null
  const t = (raw ?? '').trim()
  if (t === '') return null
  const plain = t.replace(/,/g, '')
  if (/^-?(0|[1-9]\d{0,9})(\.\d{1,4})?$/.test(plain)) return Number(plain)
  return t
}

/** the kind a statement's row label names: 期初余额 → opening, 收入：土地承包费 → income, … */
export function kindOfLabel(label: string): TableRowKind {
  const t = label.replace(/\s/g, '')
  const exact = ROW_KIND_NAMES[t]
  if (exact) return exact
  if (/^(一、|二、)?期初/.test(t)) return 'opening'
  if (/^期末/.test(t)) return 'closing'
  if (/收入(合计|小计)/.test(t)) return 'income_total'
  if (/支出(合计|小计)/.test(t)) return 'expense_total'
  if (/^收入[:：—-]/.test(t)) return 'income'
  if (/^支出[:：—-]/.test(t)) return 'expense'
  return 'data'
}

export function tableFromGrid(grid: readonly (readonly (string | number | null)[])[], meta: { kind?: NoticeTable['kind']; caption?: string; unit?: string } = {}): NoticeTable {
  const [header = [], ...body] = grid.filter((r) => r.some((c) => String(c ?? '').trim() !== ''))
  const hasKind = KIND_HEADERS.includes(String(header[0] ?? '').trim())
  const columns = (hasKind ? header.slice(1) : header).map((h) => String(h ?? '').trim())
  const rows = body.map((r) => {
    const label = String((hasKind ? r[0] : r[0]) ?? '').trim()
    const cells = (hasKind ? r.slice(1) : r).map(gridCell)
    while (cells.length < columns.length) cells.push(null)
    const kind = hasKind ? (ROW_KIND_NAMES[label] ?? (label as TableRowKind)) : kindOfLabel(label)
    return { kind, cells }
  })
  const looksFinance = rows.some((r) => r.kind === 'opening') && rows.some((r) => r.kind === 'closing')
  return {
    kind: meta.kind ?? (hasKind || looksFinance ? 'finance' : 'plain'),
    caption: meta.caption ?? '',
    unit: meta.unit ?? '',
    columns,
    rows: hasKind || looksFinance ? rows : rows.map((r) => ({ ...r, kind: 'data' as const })),
  }
}
