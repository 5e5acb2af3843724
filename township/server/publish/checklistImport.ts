/**
 * A checklist sheet read by uploadTable (.xlsx, or .csv through the shared
 * decodeText + parseCsvTable) made into checklist items by the header's
 * columns — the CLI's checklist.csv columns or their Chinese names — and the
 * shared checklistItemFromRecord. The feed's validator checks the result.
 */
import { badRequest } from '../errors'
import { checklistColumn, checklistItemFromRecord, type ChecklistColumn } from '../../../src/feed/checklistRecord'
import type { Grid } from './uploads'

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v).trim())

export function checklistFromGrid(grid: Grid, name: string): Record<string, unknown>[] {
  const [head, ...rows] = grid
  const columns = (head ?? []).map((h) => checklistColumn(text(h)))
  const unknown = (head ?? []).map(text).filter((h, i) => h && !columns[i])
  if (unknown.length) {
    throw badRequest('checklist.columns', `“${name}”第 1 行有认不出的列：${unknown.join('、')}。列名用 id,category,title,content,basis,frequency,days,day_type,channels,owner,audience 或 编号、类别、事项、内容、依据、频次、天数、天数类型、公开方式、责任主体、公开对象`, `“${name}” row 1 has unknown columns: ${unknown.join(', ')}`, { columns: unknown })
  }
  for (const need of ['id', 'title', 'frequency'] as const) {
    if (!columns.includes(need)) throw badRequest('checklist.columns', `“${name}”缺少“${need}”列`, `“${name}” has no “${need}” column`, { column: need })
  }
  return rows
    .filter((r) => r.some((c) => text(c) !== ''))
    .map((r) => {
      const record: Partial<Record<ChecklistColumn, string>> = {}
      columns.forEach((col, i) => {
        if (col) record[col] = text(r[i])
      })
      return checklistItemFromRecord(record)
    })
}
