/**
 * A table pasted from Excel or WPS: the clipboard's text/html (a <table>) when
 * there is one, else its text/plain (tab-separated, cells with line breaks
 * quoted — papaparse reads that). Cells stay text; tableFromGrid decides what
 * is an amount.
 */
import Papa from 'papaparse'

export type Grid = string[][]

export function gridFromHtml(html: string): Grid | null {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const table = doc.querySelector('table')
  if (!table) return null
  const grid: Grid = []
  for (const tr of Array.from(table.querySelectorAll('tr'))) {
    const row: string[] = []
    for (const cell of Array.from(tr.querySelectorAll('td, th'))) {
      const text = (cell.textContent ?? '').replace(/\s+/g, ' ').trim()
      const span = Math.min(50, Math.max(1, Number(cell.getAttribute('colspan')) || 1))
      row.push(text)
      for (let i = 1; i < span; i++) row.push('')
    }
    grid.push(row)
  }
  return grid.length ? grid : null
}

export function gridFromTsv(text: string): Grid | null {
  if (!text.includes('\t')) return null
  const r = Papa.parse<string[]>(text.replace(/\r\n?/g, '\n').replace(/\n+$/, ''), { delimiter: '\t', newline: '\n' })
  const grid = r.data.map((row) => row.map((c) => c.trim()))
  return grid.length ? grid : null
}

/** The grid a paste carries, or null when it holds no table. */
export function gridFromClipboard(data: Pick<DataTransfer, 'getData'>): Grid | null {
  const html = data.getData('text/html')
  return (html && gridFromHtml(html)) || gridFromTsv(data.getData('text/plain'))
}
