// Creating an Intl formatter costs far more than using one (≈ 0.5 ms each on a cheap kiosk, once per
// card while scrolling a long board): one formatter per kind and locale, reused (docs/performance.md).
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined
  if (!f) formatters.set(key, (f = make()))
  return f
}
const dateFormat = (kind: string, locale: string, o: Intl.DateTimeFormatOptions) => cached(`${kind}|${locale}`, () => new Intl.DateTimeFormat(locale, o))

/** Dates as residents read them: 2026年11月27日 / Nov 27, 2026, in the kiosk's time zone. */
export function formatDate(iso: string | Date, locale: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso
  return dateFormat('date', locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(d)
}

export function formatDateTime(iso: string | Date, locale: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso
  return dateFormat('datetime', locale, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(d)
}

/**
 * A day as residents read it: "12月3日", with the year whenever it is not the
 * current year ("2027年1月14日"), so that a date next year never reads as this year's.
 */
export function formatDay(iso: string | Date, locale: string, now: Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso
  if (d.getFullYear() !== now.getFullYear()) return formatDate(d, locale)
  return dateFormat('day', locale, { month: 'long', day: 'numeric' }).format(d)
}

export function formatClock(d: Date, locale: string): string {
  return dateFormat('clock', locale, { hour: '2-digit', minute: '2-digit', hour12: false }).format(d)
}

export function formatWeekdayDate(d: Date, locale: string): string {
  return dateFormat('weekday', locale, { month: 'long', day: 'numeric', weekday: 'long' }).format(d)
}

export function formatNumber(n: number, locale: string): string {
  return cached(`number|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(n)
}
