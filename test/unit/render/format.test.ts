import { describe, expect, it } from 'vitest'
import { formatClock, formatDate, formatDateTime, formatDay, formatWeekdayDate } from '../../../src/render/format'

// the header's zh-CN clock, date and update time, and the cards' dates, are written by hand (no Intl before
// first content, none while a board paints): a resident must read exactly what Intl would have written
describe('hand-written formats in zh-CN', () => {
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

  it('writes a card’s date and day as Intl does, with the year when it is not this year', () => {
    const now = new Date(2026, 11, 2, 12, 0)
    for (const d of dates) {
      expect(formatDate(d.toISOString(), 'zh-CN')).toBe(intl({ year: 'numeric', month: 'long', day: 'numeric' }, d))
      const day = d.getFullYear() === now.getFullYear() ? intl({ month: 'long', day: 'numeric' }, d) : intl({ year: 'numeric', month: 'long', day: 'numeric' }, d)
      expect(formatDay(d, 'zh-CN', now)).toBe(day)
    }
    expect(formatDay(new Date(2027, 0, 14), 'zh-CN', now)).toBe('2027年1月14日')
    expect(formatDay(new Date(2026, 0, 14), 'zh-CN', now)).toBe('1月14日')
  })

  it('leaves other locales to Intl', () => {
    expect(formatWeekdayDate(new Date(2026, 11, 2), 'en')).toBe('Wednesday, December 2')
    expect(formatDate(new Date(2026, 11, 2), 'en')).toBe('December 2, 2026')
  })
})
