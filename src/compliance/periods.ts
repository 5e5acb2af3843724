/**
 * Reporting periods and their due dates. A periodic item reports on a period
 * after it has ended: October's monthly disclosure is due by 10 November,
 * Q3's by 10 October, H1's by 10 July, 2026's by 10 January 2027.
 *
 * Period keys (also what the ledger stores in DisclosureRecord.periodKey):
 *   monthly 2026-10 · quarterly 2026-Q3 · semiannual 2026-H1 · yearly 2026
 *   on_event: the event day 2026-11-20 (optionally followed by a suffix, e.g. 2026-11-20#2)
 *   publicity: any key; the 公示 window comes from the record's postedOn
 */
import type { Frequency } from '../feed/types'
import { msg, type Message } from '../i18n/message'
import { addDays, dayToMs, lastDayOfMonth, ymd } from './days'

export interface Period {
  key: string
  /** compliance.period.* (i18n/locales/<locale>/compliance.json) */
  label: Message
  /** first and last day, inclusive */
  start: string
  end: string
}

/** Days after a period's end by which its disclosure is due (the 10th of the next month). */
export const DUE_DAYS_AFTER_PERIOD = 10
/** on_event items without within_days: 10 days, the usual 答复/公布 time limit. */
export const DEFAULT_EVENT_DAYS = 10

export type PeriodicType = 'monthly' | 'quarterly' | 'semiannual' | 'yearly'

export function isPeriodic(freq: Frequency): freq is Frequency & { type: PeriodicType } {
  return freq.type === 'monthly' || freq.type === 'quarterly' || freq.type === 'semiannual' || freq.type === 'yearly'
}

/** Months in one period of a periodic frequency. */
function spanMonths(type: PeriodicType): number {
  return type === 'monthly' ? 1 : type === 'quarterly' ? 3 : type === 'semiannual' ? 6 : 12
}

/** The period of `type` that starts in month m (1-based, aligned) of year y. */
function makePeriod(type: PeriodicType, y: number, m: number): Period {
  const start = ymd(y, m, 1)
  const end = lastDayOfMonth(y, m + spanMonths(type) - 1)
  switch (type) {
    case 'monthly':
      // one code per month and quarter: English names the month, Chinese numbers it
      return { key: `${y}-${String(m).padStart(2, '0')}`, label: msg(`compliance.period.monthly.m${m}`, { year: y }), start, end }
    case 'quarterly': {
      const q = (m + 2) / 3
      return { key: `${y}-Q${q}`, label: msg(`compliance.period.quarterly.q${q}`, { year: y }), start, end }
    }
    case 'semiannual': {
      const h = m === 1 ? 1 : 2
      return { key: `${y}-H${h}`, label: msg(`compliance.period.semiannual.h${h}`, { year: y }), start, end }
    }
    case 'yearly':
      return { key: String(y), label: msg('compliance.period.yearly', { year: y }), start, end }
  }
}

/** The period of a periodic frequency that contains `day`. */
export function periodContaining(type: PeriodicType, day: string): Period {
  const y = Number(day.slice(0, 4))
  const m = Number(day.slice(5, 7))
  const span = spanMonths(type)
  return makePeriod(type, y, Math.floor((m - 1) / span) * span + 1)
}

/** The first period of `type` that starts on or after `day` (an item's first period, from its activeFrom). */
export function firstPeriodFrom(type: PeriodicType, day: string): Period {
  const p = periodContaining(type, day)
  return p.start >= day ? p : periodContaining(type, addDays(p.end, 1))
}

/** The period just before `p` (same frequency). */
export function previousPeriod(type: PeriodicType, p: Period): Period {
  return periodContaining(type, addDays(p.start, -1))
}

/**
 * The period being disclosed at `day`: the latest one that has fully ended
 * (monthly on 2026-11-27 → 2026-10). Null for frequencies without calendar
 * periods (long_term, on_event, publicity).
 */
export function periodOf(freq: Frequency, day: string): Period | null {
  if (!isPeriodic(freq) || Number.isNaN(dayToMs(day))) return null
  return previousPeriod(freq.type, periodContaining(freq.type, day))
}

/**
 * When the disclosure of `period` is due: the 10th of the month after a
 * periodic period; within_days (default 10) after an event; the last day of
 * a 公示 window (its `end`); null for long-term items.
 */
export function dueDateOf(freq: Frequency, period: Period): string | null {
  if (isPeriodic(freq)) return addDays(period.end, DUE_DAYS_AFTER_PERIOD)
  if (freq.type === 'on_event') return addDays(period.start, freq.within_days ?? DEFAULT_EVENT_DAYS)
  if (freq.type === 'publicity') return period.end
  return null
}

/** The period an on_event record stands for: its key is the event day. */
export function eventPeriod(key: string, fallbackDay: string): Period {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(key)?.[0]
  const start = day && !Number.isNaN(dayToMs(day)) ? day : fallbackDay
  return { key, label: msg('compliance.period.event', { day: start }), start, end: start }
}

/** Parses a periodic key (2026-10, 2026-Q3, 2026-H1, 2026) back into its period. */
export function periodByKey(key: string): { type: PeriodicType; period: Period } | null {
  let m = /^(\d{4})-(\d{2})$/.exec(key)
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { type: 'monthly', period: makePeriod('monthly', Number(m[1]), Number(m[2])) }
  m = /^(\d{4})-Q([1-4])$/.exec(key)
  if (m) return { type: 'quarterly', period: makePeriod('quarterly', Number(m[1]), Number(m[2]) * 3 - 2) }
  m = /^(\d{4})-H([12])$/.exec(key)
  if (m) return { type: 'semiannual', period: makePeriod('semiannual', Number(m[1]), m[2] === '1' ? 1 : 7) }
  m = /^(\d{4})$/.exec(key)
  if (m) return { type: 'yearly', period: makePeriod('yearly', Number(m[1]), 1) }
  return null
}

/**
 * The latest `count` ended periods at `day`, newest first: what a clerk
 * picks from when recording a disclosure (the current one can also be
 * reported early, so it is first when `includeCurrent`).
 */
export function recentPeriods(type: PeriodicType, day: string, count: number, includeCurrent = false): Period[] {
  const out: Period[] = []
  let p = includeCurrent ? periodContaining(type, day) : previousPeriod(type, periodContaining(type, day))
  for (let i = 0; i < count; i++) {
    out.push(p)
    p = previousPeriod(type, p)
  }
  return out
}
