/**
 * Supervision (监督): each village's checklist judged by src/compliance
 * (complianceOf, onTimeRate) on the facts disclosures.ts gathers; villages
 * ranked by their 12-month on-time rate; the 周提醒 list; period reports.
 */
import { addDays, diffDays } from '../../../src/compliance/days'
import { complianceOf, dueDateOf, isPeriodic, onTimeRate, periodByKey, periodContaining, previousPeriod, type ComplianceStatus, type DisclosureRecord } from '../../../src/compliance'
import type { ChecklistItem } from '../../../src/feed/types'
import type { VillageFacts } from './disclosures'
import { zh, zhEn } from '../i18n'

export interface ItemState {
  itemId: string
  title: string
  frequency: string
  period: { key: string; label: string; start: string; end: string } | null
  due: string | null
  state: ComplianceStatus['state']
  /** days past the due date as of asOf ("逾期 N 天"); null while the due date is still ahead */
  overdueDays: number | null
  daysLeft: number | null
  /** why, where the state alone does not say it (an older period missing, a 公示 taken down early…) */
  reason: { zh: string; en: string } | null
  disclosedBy: 'ledger' | 'township' | null
  lastPostedOn: string | null
}

const optsOf = (f: VillageFacts, item: ChecklistItem) => ({ activeFrom: f.activeFrom.get(item.id) })

/** Disclosures by item: complianceOf looks at one item's records only, so each call gets just those (a large ledger stays linear). */
const byItemCache = new WeakMap<VillageFacts, Map<string, DisclosureRecord[]>>()
function recordsOf(f: VillageFacts, itemId: string): DisclosureRecord[] {
  let m = byItemCache.get(f)
  if (!m) {
    m = new Map()
    for (const d of f.disclosures) {
      const list = m.get(d.itemId)
      if (list) list.push(d)
      else m.set(d.itemId, [d])
    }
    byItemCache.set(f, m)
  }
  return m.get(itemId) ?? []
}

/** Results per village facts and day: facts are replaced when the village's data changes, so these never go stale. */
const resultCache = new WeakMap<VillageFacts, Map<string, unknown>>()
function cached<T>(f: VillageFacts, key: string, make: () => T): T {
  let m = resultCache.get(f)
  if (!m) resultCache.set(f, (m = new Map()))
  if (!m.has(key)) {
    if (m.size > 100) m.clear()
    m.set(key, make())
  }
  return m.get(key) as T
}

export function itemStates(f: VillageFacts, asOf: string): ItemState[] {
  return cached(f, `states|${asOf}`, () => computeStates(f, asOf))
}

/**
 * complianceOf's overdueDays of a 公示 taken down early is how many days it
 * fell short, and a planned takedown that is too early is flagged before the
 * 公示 ends: shown as "逾期 N 天" that read as days past a due date still ahead
 * (due 12-07 "逾期 1 天" on 12-02). The API's overdueDays is days past the due date.
 */
function daysPast(due: string | null, asOf: string): number | null {
  if (!due) return null
  const n = diffDays(due, asOf)
  return n > 0 ? n : null
}

function computeStates(f: VillageFacts, asOf: string): ItemState[] {
  return f.items.map((item) => {
    const s = complianceOf(item, recordsOf(f, item.id), asOf, f.calendar, optsOf(f, item))
    return {
      itemId: item.id,
      title: item.title,
      frequency: item.frequency.type,
      period: s.period ? { key: s.period.key, label: zh(s.period.label), start: s.period.start, end: s.period.end } : null,
      due: s.due,
      state: s.state,
      overdueDays: s.state === 'overdue' ? daysPast(s.due, asOf) : null,
      daysLeft: s.daysLeft ?? null,
      reason: s.reason ? zhEn(s.reason) : null,
      disclosedBy: s.state === 'done' || s.state === 'not_applicable' ? (s.disclosedBy ?? null) : null,
      lastPostedOn: s.lastPostedOn ?? null,
    }
  })
}

export function rateOf(f: VillageFacts, asOf: string, months = 12): { onTime: number; due: number; rate: number | null } {
  return cached(f, `rate|${asOf}|${months}`, () => computeRate(f, asOf, months))
}

function computeRate(f: VillageFacts, asOf: string, months: number) {
  // summed per item: the same counts as one onTimeRate over all items, without each item scanning the whole ledger
  let onTime = 0
  let due = 0
  for (const item of f.items) {
    const r = onTimeRate([item], recordsOf(f, item.id), asOf, f.calendar, months, { activeFrom: (i) => f.activeFrom.get(i.id) })
    onTime += r.onTime
    due += r.due
  }
  return { onTime, due, rate: due ? onTime / due : null }
}

export function supervision(facts: VillageFacts[], asOf: string) {
  const villages = facts.map((f) => ({ code: f.code, name: f.name, onTimeRate: rateOf(f, asOf).rate, items: itemStates(f, asOf) }))
  // rank: highest rate first; villages with nothing due yet last
  const order = [...villages].sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.code.localeCompare(b.code))
  return { asOf, villages: villages.map((v) => ({ ...v, rank: order.indexOf(v) + 1 })) }
}

/** 周提醒: what falls due in the next 7 days (today included), per village; overdue items too, since they are still owed. */
export function weekly(facts: VillageFacts[], asOf: string) {
  const to = addDays(asOf, 6)
  return {
    from: asOf,
    to,
    villages: facts
      .map((f) => ({
        code: f.code,
        name: f.name,
        items: itemStates(f, asOf)
          .filter((i) => i.due && (i.state === 'overdue' || ((i.state === 'due_soon' || i.state === 'pending') && i.due <= to)))
          .map((i) => ({ itemId: i.itemId, title: i.title, due: i.due, state: i.state })),
      }))
      .filter((v) => v.items.length),
  }
}

export type ReportKind = 'month' | 'quarter' | 'year'

/** A report period from its key: 2026-11 (month), 2026-Q4 (quarter), 2026 (year). */
export function reportPeriod(kind: ReportKind, key: string) {
  const p = periodByKey(key)
  const want = { month: 'monthly', quarter: 'quarterly', year: 'yearly' }[kind]
  if (!p || p.type !== want) return null
  return { ...p.period, months: { month: 1, quarter: 3, year: 12 }[kind] }
}

/**
 * A period report: disclosures that fell due in the period, counted by
 * onTimeRate at the period's end over the period's months. Those not on time
 * are split into late (a disclosure for that period was posted by `asOf`) and
 * missing (none yet).
 */
export function report(facts: VillageFacts[], period: NonNullable<ReturnType<typeof reportPeriod>>, asOf: string) {
  const end = period.end < asOf ? period.end : asOf
  const villages = facts.map((f) => {
    const items = f.items.map((item) => {
      const r = onTimeRate([item], recordsOf(f, item.id), end, f.calendar, period.months, { activeFrom: () => f.activeFrom.get(item.id) })
      const notOnTime = r.due - r.onTime
      let missing = 0
      if (notOnTime > 0) missing = missingPeriods(item, f, period, end, asOf, notOnTime)
      return { itemId: item.id, title: item.title, due: r.due, onTime: r.onTime, late: notOnTime - missing, missing }
    })
    const sum = (k: 'due' | 'onTime' | 'late' | 'missing') => items.reduce((s, i) => s + i[k], 0)
    const due = sum('due')
    return { code: f.code, name: f.name, due, onTime: sum('onTime'), late: sum('late'), missing: sum('missing'), rate: due ? sum('onTime') / due : null, items }
  })
  return { period: { key: period.key, label: zh(period.label), start: period.start, end: period.end }, villages }
}

/** Of an item's not-on-time disclosures in the period, how many have no posting at all by asOf. */
function missingPeriods(item: ChecklistItem, f: VillageFacts, period: { start: string; end: string }, end: string, asOf: string, notOnTime: number): number {
  const mine = recordsOf(f, item.id).filter((d) => d.postedOn && d.postedOn <= asOf)
  const freq = item.frequency
  if (!isPeriodic(freq)) return mine.length ? 0 : notOnTime
  let missing = 0
  for (let p = periodContaining(freq.type, end); dueDateOf(freq, p)! >= period.start; p = previousPeriod(freq.type, p)) {
    const due = dueDateOf(freq, p)!
    if (due > end || diffDays(period.start, due) < 0) continue
    if (!mine.some((d) => d.periodKey === p.key)) missing++
  }
  return Math.min(missing, notOnTime)
}
