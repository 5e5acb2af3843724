/**
 * A checklist sheet read by uploadTable (.xlsx, or .csv through the shared
 * decodeText + parseCsvTable) made into checklist items by the header's
 * columns — the CLI's checklist.csv columns or their Chinese names — and the
 * shared checklistItemFromRecord. The feed's validator checks the result.
 */
import { badRequest } from '../errors'
import { checklistColumn, checklistItemFromRecord, type ChecklistColumn } from '../../../src/feed/checklistRecord'
import type { Grid } from './uploads'
import { msg } from '../../../src/i18n/message'

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v).trim())

export function checklistFromGrid(grid: Grid, name: string): Record<string, unknown>[] {
  const [head, ...rows] = grid
  const columns = (head ?? []).map((h) => checklistColumn(text(h)))
  const unknown = (head ?? []).map(text).filter((h, i) => h && !columns[i])
  if (unknown.length) {
    throw badRequest('checklist.columns', msg('api.checklist_columns.unknown', { name, columns: unknown.join(', ') }), { columns: unknown })
  }
  for (const need of ['id', 'title', 'frequency'] as const) {
    if (!columns.includes(need)) throw badRequest('checklist.columns', msg('api.checklist_columns.missing', { name, column: need }), { column: need })
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
