/** A period report as an .xlsx workbook (exceljs): one summary sheet per village, one detail sheet. Headings Chinese first, then English (reports.workbook.*). */
import ExcelJS from 'exceljs'
import { msg } from '../../../src/i18n/message'
import { zh, zhEn } from '../i18n'
import type { report, ReportKind } from './supervision'

const w = (key: string) => zh(msg(`reports.workbook.${key}`))
/** a heading in both languages, "按时 On time" */
const both = (key: string) => {
  const t = zhEn(msg(`reports.workbook.${key}`))
  return `${t.zh} ${t.en}`
}

export async function reportWorkbook(r: ReturnType<typeof report>, kind: ReportKind): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = w('creator')
  const sum = wb.addWorksheet(both('summary'))
  sum.addRow([zh(msg('reports.workbook.heading', { period: r.period.label, kind: zh(msg(`reports.title.${kind}`)) })), zh(msg('reports.workbook.span', { start: r.period.start, end: r.period.end }))])
  sum.addRow([])
  sum.addRow(['code', 'village', 'due', 'on_time', 'late', 'missing', 'rate'].map(both))
  for (const v of r.villages) sum.addRow([v.code, v.name, v.due, v.onTime, v.late, v.missing, v.rate === null ? '—' : Math.round(v.rate * 1000) / 10 + '%'])
  sum.getRow(3).font = { bold: true }
  sum.columns.forEach((c) => (c.width = 16))
  const det = wb.addWorksheet(both('items'))
  det.addRow(['village', 'item', 'title', 'due', 'on_time', 'late', 'missing'].map(both))
  det.getRow(1).font = { bold: true }
  for (const v of r.villages) for (const i of v.items) if (i.due) det.addRow([v.name, i.itemId, i.title, i.due, i.onTime, i.late, i.missing])
  det.columns.forEach((c, n) => (c.width = n === 2 ? 40 : 14))
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
