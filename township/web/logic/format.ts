/** Words and numbers the console shows: times in Asia/Shanghai, sizes, shares. */

const TZ = 'Asia/Shanghai'

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
}

/** Minutes since a moment (null when unknown), for "12 分钟前". */
export function minutesSince(iso: string | null | undefined, now: number): number | null {
  if (!iso) return null
  const t = Date.parse(iso)
  return Number.isNaN(t) ? null : Math.max(0, Math.floor((now - t) / 60_000))
}

/** "刚刚" / "12 分钟前" / "3 小时前" / "5 天前" through the caller's translations. */
export function ago(iso: string | null | undefined, now: number, t: (key: string, named?: Record<string, unknown>) => string): string {
  const m = minutesSince(iso, now)
  if (m === null) return t('common.never')
  if (m < 1) return t('common.just_now')
  if (m < 60) return t('common.minutes_ago', { n: m })
  if (m < 60 * 48) return t('common.hours_ago', { n: Math.floor(m / 60) })
  return t('common.days_ago', { n: Math.floor(m / 1440) })
}

export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—'
  if (n < 1024) return `${n} B`
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`
  return `${(n / 1024 ** 3).toFixed(2)} GB`
}

export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—'
  // a new kiosk's few MB of 10 GB is not nothing
  if (share > 0 && share < 0.001) return '<0.1%'
  return `${Math.round(share * 1000) / 10}%`
}

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function todayInShanghai(now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** Default report keys: the last whole month and quarter, and this year (年考核 runs through December). */
export function defaultReportKeys(now = Date.now()): { month: string; quarter: string; year: string } {
  const [y, m] = todayInShanghai(now).split('-').map(Number) as [number, number]
  const pm = m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 }
  const q = Math.ceil(m / 3)
  const pq = q === 1 ? { y: y - 1, q: 4 } : { y, q: q - 1 }
  return { month: `${pm.y}-${String(pm.m).padStart(2, '0')}`, quarter: `${pq.y}-Q${pq.q}`, year: String(y) }
}
