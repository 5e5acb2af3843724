/**
 * Date-only arithmetic on 'YYYY-MM-DD' strings. Disclosure rules count whole
 * calendar days in the village's own zone, so days are handled as UTC
 * midnights and never mixed with times of day.
 */

const DAY_MS = 86_400_000
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

// A township judges thousands of items over the same few thousand days:
// parsing and formatting are memoised (bounded; results are unchanged).
const CACHE_MAX = 20_000
const msOfDay = new Map<string, number>()
const dayOfMs = new Map<number, string>()

/** ms at UTC midnight, or NaN when `day` is not a real YYYY-MM-DD date. */
export function dayToMs(day: string): number {
  const hit = msOfDay.get(day)
  if (hit !== undefined) return hit
  const ms = parseDay(day)
  if (typeof day === 'string') {
    if (msOfDay.size >= CACHE_MAX) msOfDay.clear()
    msOfDay.set(day, ms)
  }
  return ms
}

function parseDay(day: string): number {
  const m = DAY.exec(day)
  if (!m) return NaN
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  const ms = Date.UTC(y, mo - 1, d)
  const dt = new Date(ms)
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d ? ms : NaN
}

export function isDay(day: unknown): day is string {
  return typeof day === 'string' && !Number.isNaN(dayToMs(day))
}

export function msToDay(ms: number): string {
  const hit = dayOfMs.get(ms)
  if (hit !== undefined) return hit
  // an invalid time throws here, as before (nothing cached)
  const day = new Date(ms).toISOString().slice(0, 10)
  if (dayOfMs.size >= CACHE_MAX) dayOfMs.clear()
  dayOfMs.set(ms, day)
  return day
}

export function addDays(day: string, n: number): string {
  return msToDay(dayToMs(day) + n * DAY_MS)
}

/** Whole days from `a` to `b` (positive when b is later). */
export function diffDays(a: string, b: string): number {
  return Math.round((dayToMs(b) - dayToMs(a)) / DAY_MS)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(dayToMs(day)).getUTCDay()
}

export function ymd(y: number, m: number, d: number): string {
  return msToDay(Date.UTC(y, m - 1, d))
}

/** The last day of month m (1–12) of year y. */
export function lastDayOfMonth(y: number, m: number): string {
  return msToDay(Date.UTC(y, m, 0))
}

/**
 * The same day `months` months earlier (negative) or later, clamped to the
 * month's end: 2026-03-31 − 1 month → 2026-02-28.
 */
export function addMonths(day: string, months: number): string {
  const dt = new Date(dayToMs(day))
  const total = dt.getUTCFullYear() * 12 + dt.getUTCMonth() + months
  const y = Math.floor(total / 12)
  const m = (total % 12) + 1
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return ymd(y, m, Math.min(dt.getUTCDate(), last))
}
