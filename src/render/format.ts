// Creating an Intl formatter costs far more than using one (≈ 0.5 ms each on a cheap kiosk, once per
// card while scrolling a long board): one formatter per kind and locale, reused (docs/performance.md).
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined
  if (!f) formatters.set(key, (f = make()))
  return f
}
const dateFormat = (kind: string, locale: string, o: Intl.DateTimeFormatOptions) => cached(`${kind}|${locale}`, () => new Intl.DateTimeFormat(locale, o))

// The header shows the clock, the date and the update time in the first frame: in the source locale they are
// written by hand, exactly as Intl writes them (test/unit/render/format.test.ts), so no Intl formatter is
// built before first content (creating one costs 34–74 ms at 4× on the kiosk's start, issue 19). Cards' dates
// too: Intl's format() itself took ≈ 11 ms of the 4× task that paints a new board's cards in Chromium 109.
const ZH_WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
const two = (n: number) => (n < 10 ? `0${n}` : String(n))
const zhClock = (d: Date) => `${two(d.getHours())}:${two(d.getMinutes())}`
const zhDay = (d: Date) => `${d.getMonth() + 1}月${d.getDate()}日`
const isZh = (locale: string) => locale === 'zh-CN'

/** Dates as residents read them: 2026年11月27日 / Nov 27, 2026, in the kiosk's time zone. */
export function formatDate(iso: string | Date, locale: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso
  if (isZh(locale) && !Number.isNaN(d.getTime())) return `${d.getFullYear()}年${zhDay(d)}`
  return dateFormat('date', locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(d)
}

export function formatDateTime(iso: string | Date, locale: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso
  if (isZh(locale) && !Number.isNaN(d.getTime())) return `${d.getFullYear()}年${zhDay(d)} ${zhClock(d)}`
  return dateFormat('datetime', locale, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(d)
}

/**
 * A day as residents read it: "12月3日", with the year whenever it is not the
 * current year ("2027年1月14日"), so that a date next year never reads as this year's.
 */
export function formatDay(iso: string | Date, locale: string, now: Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso
  if (d.getFullYear() !== now.getFullYear()) return formatDate(d, locale)
  if (isZh(locale) && !Number.isNaN(d.getTime())) return zhDay(d)
  return dateFormat('day', locale, { month: 'long', day: 'numeric' }).format(d)
}

export function formatClock(d: Date, locale: string): string {
  if (isZh(locale) && !Number.isNaN(d.getTime())) return zhClock(d)
  return dateFormat('clock', locale, { hour: '2-digit', minute: '2-digit', hour12: false }).format(d)
}

export function formatWeekdayDate(d: Date, locale: string): string {
  if (isZh(locale) && !Number.isNaN(d.getTime())) return `${zhDay(d)}${ZH_WEEKDAYS[d.getDay()]}`
  return dateFormat('weekday', locale, { month: 'long', day: 'numeric', weekday: 'long' }).format(d)
}

export function formatNumber(n: number, locale: string): string {
  return cached(`number|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(n)
}
