/**
 * The optional table of a local notice, typed as text: the first line holds
 * the column names, each further line a row; cells are separated by a tab or |.
 * Short rows are padded, long rows cut, so the table always fits its columns.
 */
import type { NoticeTable } from '../feed/types'

export function parseTableText(text: string): NoticeTable | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean)
  if (!lines.length) return null
  const split = (l: string) => l.split(/\t|\|/).map((c) => c.trim())
  const columns = split(lines[0]!).map((c, i) => c || `${i + 1}`)
  const rows = lines.slice(1).map((l) => {
    const cells: (string | null)[] = split(l).slice(0, columns.length).map((c) => c || null)
    while (cells.length < columns.length) cells.push(null)
    return { kind: 'data' as const, cells }
  })
  return { kind: 'plain', caption: '', unit: '', columns, rows }
}

export function tableToText(t: NoticeTable | null): string {
  if (!t) return ''
  return [t.columns.join(' | '), ...t.rows.map((r) => r.cells.map((c) => (c === null ? '' : String(c))).join(' | '))].join('\n')
}

/** A day (YYYY-MM-DD) at local start or end, as an RFC 3339 instant. */
export function dayStartIso(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString()
}
export function dayEndIso(day: string): string {
  return new Date(`${day}T23:59:59`).toISOString()
}
export function isoToLocalDay(iso: string): string {
  const d = new Date(iso)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}
