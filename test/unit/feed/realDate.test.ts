/**
 * isRealDate (feed/schema.ts) replaced a Date.UTC round trip with a table of
 * month lengths: it must say yes and no to exactly the same year-month-day
 * triples the regular expressions can produce (0000–9999, 00–99, 00–99).
 */
import { describe, expect, it } from 'vitest'
import { isIsoDate, isRealDate, isRfc3339 } from '../../../src/feed/schema'

function viaDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d))
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d
}

describe('isRealDate', () => {
  it('agrees with the Date.UTC check on every month and day of leap, century and two-digit years', () => {
    const years = [...Array(131).keys(), 1582, 1600, 1700, 1896, 1900, 1904, 1999, 2000, 2024, 2026, 2100, 2400, 9996, 9999]
    const differ: string[] = []
    for (const y of years) for (let m = 0; m < 100; m++) for (let d = 0; d < 100; d++) if (isRealDate(y, m, d) !== viaDate(y, m, d)) differ.push(`${y}-${m}-${d}`)
    expect(differ).toEqual([])
  })

  it('keeps the feed date rules: 29 February only in leap years, no day 0 or month 13', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('1900-02-29')).toBe(false)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isRfc3339('2026-11-00T09:00:00+08:00')).toBe(false)
    expect(isRfc3339('2026-11-30T09:00:00+08:00')).toBe(true)
  })
})
