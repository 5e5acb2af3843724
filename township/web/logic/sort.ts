/**
 * Sorting for the console's tables: Chinese names in pinyin order
 * (Intl.Collator zh-CN), numbers and ISO dates by value, empty cells last in
 * either direction so a sort never hides the rows that have data.
 */

export type SortDir = 'asc' | 'desc'
export type SortValue = string | number | boolean | null | undefined

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' })

export function compareValues(a: SortValue, b: SortValue): number {
  const ae = a === null || a === undefined || a === ''
  const be = b === null || b === undefined || b === ''
  if (ae || be) return ae === be ? 0 : ae ? 1 : -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b)
  return collator.compare(String(a), String(b))
}

/** A sorted copy; ties keep their original order. Empty values stay last in both directions. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, dir: SortDir): T[] {
  const sign = dir === 'asc' ? 1 : -1
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((x, y) => {
      const xe = x.v === null || x.v === undefined || x.v === ''
      const ye = y.v === null || y.v === undefined || y.v === ''
      if (xe || ye) return xe === ye ? x.i - y.i : xe ? 1 : -1
      return sign * compareValues(x.v, y.v) || x.i - y.i
    })
    .map((x) => x.row)
}

/** Clicking a column: a new column sorts ascending, the same column flips. */
export function nextSort(current: { key: string; dir: SortDir } | null, key: string): { key: string; dir: SortDir } {
  if (current?.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' }
  return { key, dir: 'asc' }
}

export interface Page<T> {
  rows: T[]
  page: number
  pages: number
  total: number
}

/** One page of rows (1-based); a page past the end shows the last page. */
export function paginate<T>(rows: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size))
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages)
  return { rows: rows.slice((p - 1) * size, p * size), page: p, pages, total: rows.length }
}
