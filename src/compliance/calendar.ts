/**
 * Working days for 公示 periods counted in 工作日: Monday to Friday, minus
 * the public holidays, plus the make-up workdays (调休上班, often a weekend)
 * the State Council announces each year. The feed carries both lists
 * (_gongkai.holidays / workdays).
 */
import { addDays, weekday } from './days'

export interface WorkCalendar {
  /** YYYY-MM-DD public holidays (法定节假日 and the days off around them) */
  holidays: string[]
  /** YYYY-MM-DD make-up workdays that fall on a weekend */
  workdays: string[]
}

export const EMPTY_CALENDAR: WorkCalendar = { holidays: [], workdays: [] }

export function isWorkingDay(day: string, cal: WorkCalendar): boolean {
  if (cal.workdays.includes(day)) return true
  if (cal.holidays.includes(day)) return false
  const wd = weekday(day)
  return wd !== 0 && wd !== 6
}

/**
 * The day on which `n` working days after `startDay` are complete. The start
 * day itself is not counted (民法典 第二百零一条: 开始的当日不计入), so a
 * notice posted on Friday 2026-11-20 completes 1 working day on Monday
 * 2026-11-23. n ≤ 0 gives the start day.
 */
export function addWorkingDays(startDay: string, n: number, cal: WorkCalendar): string {
  let day = startDay
  // a year of non-working days in a row cannot happen; the bound only guards bad calendars
  for (let counted = 0, guard = 0; counted < n && guard < 3660; guard++) {
    day = addDays(day, 1)
    if (isWorkingDay(day, cal)) counted++
  }
  return day
}
