import { describe, expect, it } from 'vitest'
import { formatClock, formatDateTime, formatWeekdayDate } from '../../../src/render/format'

// the header's zh-CN clock, date and update time are written by hand (no Intl before first content):
// a resident must read exactly what Intl would have written
describe('header formats in zh-CN', () => {
  const dates: Date[] = [new Date(2026, 11, 2, 9, 5, 7), new Date(2027, 0, 1, 0, 0, 0), new Date(2026, 5, 30, 23, 59, 59), new Date(2028, 1, 29, 12, 0)]
  for (let i = 0; i < 200; i++) dates.push(new Date(Date.UTC(2024, 0, 1) + i * 37 * 3_600_000 + i * 61_000))
  const intl = (o: Intl.DateTimeFormatOptions, d: Date) => new Intl.DateTimeFormat('zh-CN', o).format(d)

  it('writes the clock, the weekday date and the date-time as Intl does', () => {
    for (const d of dates) {
      expect(formatClock(d, 'zh-CN')).toBe(intl({ hour: '2-digit', minute: '2-digit', hour12: false }, d))
      expect(formatWeekdayDate(d, 'zh-CN')).toBe(intl({ month: 'long', day: 'numeric', weekday: 'long' }, d))
      expect(formatDateTime(d.toISOString(), 'zh-CN')).toBe(intl({ year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }, d))
    }
  })

  it('leaves other locales to Intl', () => {
    expect(formatWeekdayDate(new Date(2026, 11, 2), 'en')).toBe('Wednesday, December 2')
  })
})
