/**
 * CSV as spreadsheets save it (RFC 4180, papaparse): quoted fields with commas,
 * quotes and line breaks, CRLF or LF. Every row must have as many fields as the
 * header: a missing or extra comma would shift the following values into the
 * wrong columns, so it is an error naming the file, the line and the row.
 */
import Papa from 'papaparse'
import { msg } from '../i18n/message'
import { lineAt, type SourceProblem } from './problem'

export interface CsvRow {
  /** 1-based line where the row starts */
  line: number
  cells: string[]
}

export interface CsvTable {
  header: string[]
  headerLine: number
  rows: CsvRow[]
}

const ROW_TEXT_MAX = 120

/** @param file the name shown in messages */
export function parseCsvTable(text: string, file: string): { table: CsvTable; problems: SourceProblem[] } {
  const s = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const parsed: CsvRow[] = []
  const problems: SourceProblem[] = []
  let start = 0
  Papa.parse<string[]>(s, {
    delimiter: ',',
    newline: '\n',
    step: (r) => {
      let at = start
      while (s[at] === '\n') at++
      const line = lineAt(s, at)
      start = r.meta.cursor
      for (const e of r.errors) {
        problems.push({ file, line, message: msg('import.csv.quotes', { detail: e.message }) })
      }
      if (r.data.every((c) => c.trim() === '')) return
      parsed.push({ line, cells: r.data })
    },
  })
  const [head, ...rows] = parsed
  const header = (head?.cells ?? []).map((h) => h.trim())
  for (const row of rows) {
    if (row.cells.length === header.length) continue
    // a trailing empty field ("a,b,") is a spreadsheet habit, not a shifted row
    while (row.cells.length > header.length && row.cells.at(-1)!.trim() === '') row.cells.pop()
    if (row.cells.length === header.length) continue
    const rowText = s.split('\n').slice(row.line - 1).join('\n').slice(0, ROW_TEXT_MAX).split('\n')[0]!
    const few = row.cells.length < header.length
    problems.push({
      file,
      line: row.line,
      message: msg(`import.csv.${few ? 'too_few' : 'too_many'}`, { count: row.cells.length, headerCount: header.length, header: header.join(','), row: rowText }),
    })
  }
  return { table: { header, headerLine: head?.line ?? 1, rows }, problems }
}
