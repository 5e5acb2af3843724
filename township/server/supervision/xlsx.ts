/** A period report as an .xlsx workbook (exceljs): one summary sheet per village, one detail sheet. */
import ExcelJS from 'exceljs'
import type { report } from './supervision'

export async function reportWorkbook(r: ReturnType<typeof report>, kindZh: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '乡镇工作台 gongkai'
  const sum = wb.addWorksheet('汇总 Summary')
  sum.addRow([`${r.period.label} ${kindZh}`, `${r.period.start} 至 ${r.period.end}`])
  sum.addRow([])
  sum.addRow(['村代码 Code', '村 Village', '应公开 Due', '按时 On time', '逾期补公开 Late', '未公开 Missing', '按时率 Rate'])
  for (const v of r.villages) sum.addRow([v.code, v.name, v.due, v.onTime, v.late, v.missing, v.rate === null ? '—' : Math.round(v.rate * 1000) / 10 + '%'])
  sum.getRow(3).font = { bold: true }
  sum.columns.forEach((c) => (c.width = 16))
  const det = wb.addWorksheet('明细 Items')
  det.addRow(['村 Village', '事项编号 Item', '事项 Title', '应公开 Due', '按时 On time', '逾期补公开 Late', '未公开 Missing'])
  det.getRow(1).font = { bold: true }
  for (const v of r.villages) for (const i of v.items) if (i.due) det.addRow([v.name, i.itemId, i.title, i.due, i.onTime, i.late, i.missing])
  det.columns.forEach((c, n) => (c.width = n === 2 ? 40 : 14))
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
