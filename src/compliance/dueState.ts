/**
 * The compliance clock (issue 5 point 4): from a checklist item's frequency
 * and the village's ledger records, what period is being disclosed, when it
 * is due, and whether the village is on time. Pure functions of their
 * arguments (today is passed in), so the clerk to-do list, the resident
 * checklist and the township CLI all agree. docs/compliance-clock.md states
 * every rule, including the choices the issue left open.
 */
import type { ChecklistItem, Frequency } from '../feed/types'
import type { ComposedMessage } from '../i18n/compose'
import { msg } from '../i18n/message'
import type { WorkCalendar } from './calendar'
import { addWorkingDays } from './calendar'
import { addDays, addMonths, diffDays, isDay } from './days'
import { dueDateOf, eventPeriod, firstPeriodFrom, isPeriodic, periodByKey, periodContaining, periodOf, previousPeriod } from './periods'
import type { Period, PeriodicType } from './periods'

export type { Period } from './periods'
export type { WorkCalendar } from './calendar'
export { dueDateOf, periodOf } from './periods'

/** 按时 / 即将到期 / 逾期 / 未到期 / 不适用 */
export type ComplianceState = 'done' | 'due_soon' | 'overdue' | 'pending' | 'not_applicable'

/** One disclosure in the ledger (台账), reduced to what the clock needs. Days are local YYYY-MM-DD. */
export interface DisclosureRecord {
  itemId: string
  /** 2026-10 / 2026-Q3 / 2026-H1 / 2026; on_event: the event day; publicity: any key */
  periodKey: string
  /** empty or a future day: not posted (yet) — an on_event record may register an event before it is disclosed */
  postedOn: string
  takenDownOn?: string
  /** who disclosed it: the village's ledger (default) or a township notice linked to the item (noticeDisclosures) */
  source?: DisclosureSource
}

export type DisclosureSource = 'ledger' | 'township'

/** Options of complianceOf. */
export interface ComplianceOptions {
  /**
   * YYYY-MM-DD the item applies from (its creation day, or a start date the
   * clerk chose): its first period is the first one that starts on or after
   * it, so an item created today is never overdue on day one.
   */
  activeFrom?: string
}

export interface ComplianceStatus {
  state: ComplianceState
  period: Period | null
  due: string | null
  overdueDays?: number
  daysLeft?: number
  /** the latest day any disclosure of this item was posted (shown to residents) */
  lastPostedOn?: string
  /** done, but posted after the due date (counts as not on time) */
  late?: boolean
  /** done: whether a ledger record or a township notice disclosed it (see DisclosureRecord.source) */
  disclosedBy?: DisclosureSource
  /** why, where the state alone does not say it (公示 taken down early, an older period still missing…) */
  reason?: ComposedMessage
}

/** "即将到期": due within this many days (today included as 0). */
export const DUE_SOON_DAYS = 7
/** How far back missing periods and events still count (the same window as onTimeRate). */
export const LOOKBACK_MONTHS = 12

const isPosted = (r: DisclosureRecord, today: string) => isDay(r.postedOn) && r.postedOn <= today

/** The earliest posting day among `records`, or undefined. */
function firstPosted(records: DisclosureRecord[]): string | undefined {
  let first: string | undefined
  for (const r of records) if (first === undefined || r.postedOn < first) first = r.postedOn
  return first
}

/** State of a period that has not been posted yet. */
function openStatus(period: Period, due: string, today: string): ComplianceStatus {
  const left = diffDays(today, due)
  if (left < 0) return { state: 'overdue', period, due, overdueDays: -left }
  return { state: left <= DUE_SOON_DAYS ? 'due_soon' : 'pending', period, due, daysLeft: left }
}

const missingReason = (p: Period): ComposedMessage => ({ code: 'compliance.reason.missing', params: { period: p.label } })

// ------------------------------------------------------------------ periodic

/** Start of the earliest period of this frequency that has a posted record. */
function firstRecordedStart(type: PeriodicType, posted: DisclosureRecord[]): string | undefined {
  let since: string | undefined
  for (const r of posted) {
    const p = periodByKey(r.periodKey)
    if (p && p.type === type && (since === undefined || p.period.start < since)) since = p.period.start
  }
  return since
}

/** The source of the earliest posting among `records` (ledger unless marked). */
function sourceOfFirst(records: DisclosureRecord[]): DisclosureSource {
  let first: DisclosureRecord | undefined
  for (const r of records) if (first === undefined || r.postedOn < first.postedOn) first = r
  return first?.source ?? 'ledger'
}

function periodicStatus(type: PeriodicType, freq: Frequency, mine: DisclosureRecord[], today: string, activeFrom: string | undefined): ComplianceStatus {
  const forKey = (key: string) => mine.filter((r) => r.periodKey === key)
  const postedFor = (key: string) => firstPosted(forKey(key))
  const current = periodOf(freq, today)!
  const postedOn = postedFor(current.key)
  const first = activeFrom ? firstPeriodFrom(type, activeFrom) : null
  if (first && !postedOn && current.start < first.start) {
    // the item is newer than the period being disclosed: its first period is still to come
    return openStatus(first, dueDateOf(freq, first)!, today)
  }
  const due = dueDateOf(freq, current)!
  let status: ComplianceStatus = postedOn
    ? { state: 'done', period: current, due, disclosedBy: sourceOfFirst(forKey(current.key)), ...(postedOn > due ? { late: true } : {}) }
    : openStatus(current, due, today)
  if (status.state === 'overdue') return status
  // A gap in the ledger outranks the current period: the oldest period missing
  // since the item's first period (its activeFrom, else its first recorded one:
  // a ledger started this year does not make every earlier month overdue),
  // within the look-back window.
  const since = firstRecordedStart(type, mine)
  if (since === undefined && !first) return status
  const inRange = (p: Period) => (first ? p.start >= first.start : p.start > since!)
  const windowStart = addMonths(today, -LOOKBACK_MONTHS)
  let oldest: Period | null = null
  for (let p = previousPeriod(type, current); inRange(p) && dueDateOf(freq, p)! > windowStart; p = previousPeriod(type, p)) {
    if (!postedFor(p.key)) oldest = p
  }
  if (oldest) {
    const d = dueDateOf(freq, oldest)!
    status = { state: 'overdue', period: oldest, due: d, overdueDays: diffDays(d, today), reason: missingReason(oldest) }
  }
  return status
}

// ------------------------------------------------------------------ long-term

function longTermStatus(posted: DisclosureRecord[], today: string): ComplianceStatus {
  const up = posted.find((r) => !isDay(r.takenDownOn) || r.takenDownOn > today)
  if (up) return { state: 'not_applicable', period: null, due: null, disclosedBy: up.source ?? 'ledger' }
  // never posted, or every posting taken down: it should be up now
  return {
    state: 'due_soon',
    period: null,
    due: today,
    daysLeft: 0,
    reason: msg(posted.length ? 'compliance.reason.long_term_taken_down' : 'compliance.reason.long_term_never'),
  }
}

// ------------------------------------------------------------------ on event

interface EventDue {
  period: Period
  due: string
  postedOn: string | undefined
  source: DisclosureSource
}

function eventsOf(freq: Frequency, mine: DisclosureRecord[], today: string): EventDue[] {
  const byKey = new Map<string, DisclosureRecord[]>()
  for (const r of mine) byKey.set(r.periodKey, [...(byKey.get(r.periodKey) ?? []), r])
  return [...byKey].map(([key, recs]) => {
    const posted = recs.filter((r) => isPosted(r, today))
    const postedOn = firstPosted(posted)
    const period = eventPeriod(key, postedOn ?? recs.find((r) => isDay(r.postedOn))?.postedOn ?? today)
    return { period, due: dueDateOf(freq, period)!, postedOn, source: sourceOfFirst(posted) }
  })
}

function eventStatus(freq: Frequency, mine: DisclosureRecord[], today: string): ComplianceStatus {
  const windowStart = addMonths(today, -LOOKBACK_MONTHS)
  const events = eventsOf(freq, mine, today).filter((e) => e.postedOn || e.due > windowStart)
  const open = events.filter((e) => !e.postedOn).sort((a, b) => (a.due < b.due ? -1 : 1))
  if (open[0]) return openStatus(open[0].period, open[0].due, today)
  const latest = events.sort((a, b) => (a.period.start < b.period.start ? 1 : -1))[0]
  if (!latest) return { state: 'not_applicable', period: null, due: null }
  return { state: 'done', period: latest.period, due: latest.due, disclosedBy: latest.source, ...(latest.postedOn! > latest.due ? { late: true } : {}) }
}

// ------------------------------------------------------------------ publicity (公示)

/** The last day of a 公示 of `days` (calendar or working) days posted on `postedOn`; the posting day is not counted. */
export function publicityEnd(postedOn: string, days: number, dayType: 'calendar' | 'working', cal: WorkCalendar): string {
  return dayType === 'working' ? addWorkingDays(postedOn, days, cal) : addDays(postedOn, days)
}

export function publicityPeriod(record: DisclosureRecord, days: number, dayType: 'calendar' | 'working', cal: WorkCalendar): Period {
  const end = publicityEnd(record.postedOn, days, dayType, cal)
  return {
    key: record.periodKey,
    label: msg(`compliance.period.publicity.${dayType}`, { start: record.postedOn, end, days }),
    start: record.postedOn,
    end,
  }
}

/** Taken down before the 公示 was complete (a recorded planned takedown counts too). */
const takenDownEarly = (r: DisclosureRecord, end: string) => isDay(r.takenDownOn) && r.takenDownOn < end

function publicityStatus(freq: Frequency & { type: 'publicity' }, posted: DisclosureRecord[], today: string, cal: WorkCalendar): ComplianceStatus {
  const latest = [...posted].sort((a, b) => (a.postedOn < b.postedOn ? 1 : -1))[0]
  if (!latest) return { state: 'not_applicable', period: null, due: null }
  const dayType = freq.day_type ?? 'calendar'
  const period = publicityPeriod(latest, freq.days, dayType, cal)
  if (takenDownEarly(latest, period.end)) {
    return {
      state: 'overdue',
      period,
      due: period.end,
      overdueDays: diffDays(latest.takenDownOn!, period.end),
      reason: msg(`compliance.reason.taken_down_early.${dayType}`, { days: freq.days, takenDownOn: latest.takenDownOn!, end: period.end }),
    }
  }
  const disclosedBy = latest.source ?? 'ledger'
  if (today < period.end) return { state: 'pending', period, due: period.end, daysLeft: diffDays(today, period.end), disclosedBy }
  return { state: 'done', period, due: period.end, disclosedBy }
}

// ------------------------------------------------------------------ public API

export function complianceOf(item: ChecklistItem, records: DisclosureRecord[], today: string, cal: WorkCalendar, opts: ComplianceOptions = {}): ComplianceStatus {
  // a broken device clock must not take the clerk screens down with it
  if (!isDay(today)) return { state: 'not_applicable', period: null, due: null }
  const mine = records.filter((r) => r.itemId === item.id)
  const posted = mine.filter((r) => isPosted(r, today))
  let lastPostedOn: string | undefined
  for (const r of posted) if (lastPostedOn === undefined || r.postedOn > lastPostedOn) lastPostedOn = r.postedOn
  const freq = item.frequency
  let status: ComplianceStatus
  const activeFrom = isDay(opts.activeFrom) ? opts.activeFrom : undefined
  if (isPeriodic(freq)) status = periodicStatus(freq.type, freq, posted, today, activeFrom)
  else if (freq.type === 'on_event') status = eventStatus(freq, mine, today)
  else if (freq.type === 'publicity') status = publicityStatus(freq, posted, today, cal)
  else status = longTermStatus(posted, today)
  return lastPostedOn ? { ...status, lastPostedOn } : status
}

/**
 * Share of disclosures made on time over the last `months` months. A period
 * (or event, or 公示) counts once its due date is inside the window and has
 * passed — or on the due day itself when it is already posted. Long-term
 * items have no due dates and do not count. rate is null when nothing was due.
 * Periods before an item's first period (opts.activeFrom, as in complianceOf) do not count.
 */
export function onTimeRate(
  items: ChecklistItem[],
  records: DisclosureRecord[],
  today: string,
  cal: WorkCalendar,
  months = LOOKBACK_MONTHS,
  opts: { activeFrom?: (item: ChecklistItem) => string | undefined } = {},
): { onTime: number; due: number; rate: number | null } {
  let due = 0
  if (!isDay(today)) return { onTime: 0, due: 0, rate: null }
  const windowStart = addMonths(today, -months)
  let onTime = 0
  const count = (dueDay: string, ok: boolean) => {
    if (dueDay <= windowStart || dueDay > today || (dueDay === today && !ok)) return
    due++
    if (ok) onTime++
  }
  for (const item of items) {
    const freq = item.frequency
    const mine = records.filter((r) => r.itemId === item.id)
    const posted = mine.filter((r) => isPosted(r, today))
    if (isPeriodic(freq)) {
      const activeFrom = opts.activeFrom?.(item)
      const first = isDay(activeFrom) ? firstPeriodFrom(freq.type, activeFrom).start : ''
      for (let p = periodContaining(freq.type, today); dueDateOf(freq, p)! > windowStart && p.start >= first; p = previousPeriod(freq.type, p)) {
        const d = dueDateOf(freq, p)!
        const first = firstPosted(posted.filter((r) => r.periodKey === p.key))
        count(d, first !== undefined && first <= d)
      }
    } else if (freq.type === 'on_event') {
      for (const e of eventsOf(freq, mine, today)) count(e.due, e.postedOn !== undefined && e.postedOn <= e.due)
    } else if (freq.type === 'publicity') {
      for (const r of posted) {
        const end = publicityEnd(r.postedOn, freq.days, freq.day_type ?? 'calendar', cal)
        count(end, !takenDownEarly(r, end))
      }
    }
  }
  return { onTime, due, rate: due ? onTime / due : null }
}

const URGENCY: Record<ComplianceState, number> = { overdue: 0, due_soon: 1, pending: 2, done: 3, not_applicable: 4 }

/** Sort order of the clerk's to-do list: most overdue first, then fewest days left. */
export function compareUrgency(a: ComplianceStatus, b: ComplianceStatus): number {
  const r = URGENCY[a.state] - URGENCY[b.state]
  if (r !== 0) return r
  if (a.state === 'overdue') return (b.overdueDays ?? 0) - (a.overdueDays ?? 0)
  return (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity)
}

/** Today as YYYY-MM-DD in the device's time zone. */
export function todayLocal(d: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
