import { describe, expect, it } from 'vitest'
import type { ChecklistItem, Frequency } from '../../../src/feed/types'
import { addWorkingDays, isWorkingDay } from '../../../src/compliance/calendar'
import type { WorkCalendar } from '../../../src/compliance/calendar'
import {
  compareUrgency,
  complianceOf,
  dueDateOf,
  onTimeRate,
  periodOf,
  todayLocal,
} from '../../../src/compliance/dueState'
import type { ComplianceStatus, DisclosureRecord } from '../../../src/compliance/dueState'
import { periodByKey, recentPeriods } from '../../../src/compliance/periods'
import { composedZhEn } from '../../../src/i18n/compose'
import { kioskTranslator } from '../../../src/i18n/node'

/** what clerks and the township read: the message in both locales, from the locale files */
const words = (m: Parameters<typeof composedZhEn>[1] | undefined) => (m ? composedZhEn(kioskTranslator(), m) : undefined)

/** 2026 National Day: 10-01..10-07 off; Sunday 09-20 and Saturday 10-10 are make-up workdays. */
const CAL: WorkCalendar = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-20', '2026-10-10'],
}
const NO_CAL: WorkCalendar = { holidays: [], workdays: [] }

const item = (frequency: Frequency, id = 'X-01'): ChecklistItem => ({
  id, category: 'cw', title: id, content: '', basis: '', frequency, channels: [], owner: '', audience: '',
})
const rec = (periodKey: string, postedOn: string, takenDownOn?: string, itemId = 'X-01'): DisclosureRecord =>
  takenDownOn ? { itemId, periodKey, postedOn, takenDownOn } : { itemId, periodKey, postedOn }

const MONTHLY: Frequency = { type: 'monthly' }
const QUARTERLY: Frequency = { type: 'quarterly' }
const SEMI: Frequency = { type: 'semiannual' }
const YEARLY: Frequency = { type: 'yearly' }
const LONG: Frequency = { type: 'long_term' }
const EVENT: Frequency = { type: 'on_event' }
const EVENT5: Frequency = { type: 'on_event', within_days: 5 }
const PUB7: Frequency = { type: 'publicity', days: 7, day_type: 'calendar' }
const PUB5W: Frequency = { type: 'publicity', days: 5, day_type: 'working' }
const PUB7W: Frequency = { type: 'publicity', days: 7, day_type: 'working' }

describe('periods and due dates', () => {
  it.each([
    // [name, frequency, today, period key, start, end, due]
    ['monthly on Jan 31 reports December (year boundary)', MONTHLY, '2026-01-31', '2025-12', '2025-12-01', '2025-12-31', '2026-01-10'],
    ['monthly on Jan 1 reports December', MONTHLY, '2027-01-01', '2026-12', '2026-12-01', '2026-12-31', '2027-01-10'],
    ['monthly on Mar 1 reports a 28-day February', MONTHLY, '2026-03-01', '2026-02', '2026-02-01', '2026-02-28', '2026-03-10'],
    ['monthly in a leap year reports a 29-day February', MONTHLY, '2028-03-15', '2028-02', '2028-02-01', '2028-02-29', '2028-03-10'],
    ['monthly on Feb 29 reports January', MONTHLY, '2028-02-29', '2028-01', '2028-01-01', '2028-01-31', '2028-02-10'],
    ['monthly on a 31st', MONTHLY, '2026-10-31', '2026-09', '2026-09-01', '2026-09-30', '2026-10-10'],
    ['quarterly on the last day of Q1 reports Q4', QUARTERLY, '2026-03-31', '2025-Q4', '2025-10-01', '2025-12-31', '2026-01-10'],
    ['quarterly on the first day of Q2 reports Q1', QUARTERLY, '2026-04-01', '2026-Q1', '2026-01-01', '2026-03-31', '2026-04-10'],
    ['quarterly in November reports Q3', QUARTERLY, '2026-11-27', '2026-Q3', '2026-07-01', '2026-09-30', '2026-10-10'],
    ['semiannual on Jun 30 reports last H2', SEMI, '2026-06-30', '2025-H2', '2025-07-01', '2025-12-31', '2026-01-10'],
    ['semiannual on Jul 1 reports H1', SEMI, '2026-07-01', '2026-H1', '2026-01-01', '2026-06-30', '2026-07-10'],
    ['yearly reports the previous year', YEARLY, '2026-11-27', '2025', '2025-01-01', '2025-12-31', '2026-01-10'],
    ['yearly after a leap year', YEARLY, '2029-01-01', '2028', '2028-01-01', '2028-12-31', '2029-01-10'],
  ] as const)('%s', (_name, freq, today, key, start, end, due) => {
    const p = periodOf(freq, today)
    expect(p).toMatchObject({ key, start, end })
    expect(dueDateOf(freq, p!)).toBe(due)
  })

  it('labels periods in Chinese and English', () => {
    expect(periodOf(QUARTERLY, '2026-11-27')!.label).toEqual({ code: 'compliance.period.quarterly.q3', params: { year: 2026 } })
    expect(words(periodOf(QUARTERLY, '2026-11-27')!.label)).toEqual({ zh: '2026年第三季度', en: 'Q3 2026' })
    expect(words(periodOf(MONTHLY, '2026-11-27')!.label)).toEqual({ zh: '2026年10月', en: 'October 2026' })
    expect(words(periodOf(SEMI, '2026-11-27')!.label)).toEqual({ zh: '2026年上半年', en: 'H1 2026' })
  })

  it('has no calendar period for long-term, on-event and 公示 items', () => {
    for (const f of [LONG, EVENT, PUB7]) expect(periodOf(f, '2026-11-27')).toBeNull()
  })

  it('parses keys back and lists the periods a clerk can pick', () => {
    expect(periodByKey('2026-Q3')).toMatchObject({ type: 'quarterly', period: { start: '2026-07-01', end: '2026-09-30' } })
    expect(periodByKey('2028-02')!.period.end).toBe('2028-02-29')
    expect(periodByKey('2026-13')).toBeNull()
    expect(recentPeriods('monthly', '2026-01-15', 3).map((p) => p.key)).toEqual(['2025-12', '2025-11', '2025-10'])
    expect(recentPeriods('quarterly', '2026-11-27', 2, true).map((p) => p.key)).toEqual(['2026-Q4', '2026-Q3'])
  })
})

describe('working-day calendar', () => {
  it.each([
    ['2026-10-01', false, 'National Day (Thursday)'],
    ['2026-10-07', false, 'last holiday (Wednesday)'],
    ['2026-10-08', true, 'first day back (Thursday)'],
    ['2026-10-10', true, 'make-up workday (Saturday)'],
    ['2026-10-11', false, 'ordinary Sunday'],
    ['2026-09-20', true, 'make-up workday (Sunday)'],
    ['2026-11-27', true, 'ordinary Friday'],
  ] as const)('%s working: %s (%s)', (day, working, _why) => {
    expect(isWorkingDay(day, CAL)).toBe(working)
  })

  it.each([
    ['Friday + 1 skips the weekend', '2026-11-20', 1, CAL, '2026-11-23'],
    ['Friday + 5 is the next Friday', '2026-11-20', 5, CAL, '2026-11-27'],
    ['5 days across National Day and its make-up Saturday', '2026-09-30', 5, CAL, '2026-10-13'],
    ['the same without a holiday list', '2026-09-30', 5, NO_CAL, '2026-10-07'],
    ['7 days over the make-up Sunday', '2026-09-17', 7, CAL, '2026-09-25'],
    ['7 days without the make-up Sunday', '2026-09-17', 7, NO_CAL, '2026-09-28'],
    ['0 days is the start day', '2026-11-27', 0, CAL, '2026-11-27'],
  ] as const)('%s', (_name, start, n, cal, end) => {
    expect(addWorkingDays(start, n, cal)).toBe(end)
  })
})

type Expect = Partial<Pick<ComplianceStatus, 'state' | 'due' | 'overdueDays' | 'daysLeft' | 'late' | 'lastPostedOn'>> & { period?: string | null }

/** [name, frequency, records, today, expected] */
const CASES: [string, Frequency, DisclosureRecord[], string, Expect][] = [
  // monthly: thresholds
  ['monthly posted early in the month', MONTHLY, [rec('2026-10', '2026-11-03')], '2026-11-27', { state: 'done', period: '2026-10', due: '2026-11-10', lastPostedOn: '2026-11-03' }],
  ['monthly posted on the due day is on time', MONTHLY, [rec('2026-10', '2026-11-10')], '2026-11-27', { state: 'done', period: '2026-10' }],
  ['monthly posted two days late still closes the period', MONTHLY, [rec('2026-10', '2026-11-12')], '2026-11-27', { state: 'done', late: true }],
  ['monthly posted on the last day of the period itself', MONTHLY, [rec('2026-10', '2026-10-31')], '2026-11-05', { state: 'done', period: '2026-10' }],
  ['monthly not posted, 8 days left', MONTHLY, [], '2026-11-02', { state: 'pending', period: '2026-10', daysLeft: 8 }],
  ['monthly not posted, 7 days left is due soon', MONTHLY, [], '2026-11-03', { state: 'due_soon', daysLeft: 7 }],
  ['monthly not posted, due today', MONTHLY, [], '2026-11-10', { state: 'due_soon', daysLeft: 0, due: '2026-11-10' }],
  ['monthly not posted, one day past due', MONTHLY, [], '2026-11-11', { state: 'overdue', overdueDays: 1 }],
  ['monthly December over the year boundary', MONTHLY, [], '2027-01-05', { state: 'due_soon', period: '2026-12', due: '2027-01-10', daysLeft: 5 }],
  ['monthly after a 29-day February', MONTHLY, [rec('2028-01', '2028-02-05')], '2028-03-04', { state: 'due_soon', period: '2028-02', due: '2028-03-10', daysLeft: 6 }],
  ['monthly Jan 31 with December posted in January', MONTHLY, [rec('2025-12', '2026-01-08')], '2026-01-31', { state: 'done', period: '2025-12' }],
  ['monthly posting scheduled for a future day is not posted', MONTHLY, [rec('2026-10', '2026-11-30')], '2026-11-27', { state: 'overdue', overdueDays: 17, lastPostedOn: undefined }],
  ['monthly posting for another item does not count', MONTHLY, [rec('2026-10', '2026-11-03', undefined, 'OTHER')], '2026-11-27', { state: 'overdue', period: '2026-10' }],
  ['monthly gap in the ledger: September missing', MONTHLY, [rec('2026-08', '2026-09-05'), rec('2026-10', '2026-11-05')], '2026-11-27', { state: 'overdue', period: '2026-09', due: '2026-10-10', overdueDays: 48 }],
  ['monthly ledger started this autumn: earlier months not flagged', MONTHLY, [rec('2026-09', '2026-10-08'), rec('2026-10', '2026-11-05')], '2026-11-27', { state: 'done', period: '2026-10' }],
  ['monthly current overdue wins over an older gap', MONTHLY, [rec('2026-07', '2026-08-05'), rec('2026-09', '2026-10-05')], '2026-11-27', { state: 'overdue', period: '2026-10', overdueDays: 17 }],
  // quarterly / semiannual / yearly
  ['quarterly Q3 posted before Oct 10', QUARTERLY, [rec('2026-Q3', '2026-10-09')], '2026-11-27', { state: 'done', period: '2026-Q3', due: '2026-10-10' }],
  ['quarterly Q3 not posted on Oct 5', QUARTERLY, [], '2026-10-05', { state: 'due_soon', period: '2026-Q3', daysLeft: 5 }],
  ['quarterly Q3 missing at year end', QUARTERLY, [], '2026-12-31', { state: 'overdue', period: '2026-Q3', overdueDays: 82 }],
  ['quarterly Q4 over the year boundary', QUARTERLY, [], '2027-01-02', { state: 'pending', period: '2026-Q4', due: '2027-01-10', daysLeft: 8 }],
  ['quarterly Q1 on the first day of Q2', QUARTERLY, [], '2026-04-01', { state: 'pending', period: '2026-Q1', daysLeft: 9 }],
  ['semiannual H1 one day late', SEMI, [], '2026-07-11', { state: 'overdue', period: '2026-H1', overdueDays: 1 }],
  ['semiannual H2 posted on Jan 10', SEMI, [rec('2026-H2', '2027-01-10')], '2027-01-20', { state: 'done', period: '2026-H2' }],
  ['yearly on Jan 1, 9 days left', YEARLY, [], '2027-01-01', { state: 'pending', period: '2026', daysLeft: 9 }],
  ['yearly on Jan 3, 7 days left', YEARLY, [], '2027-01-03', { state: 'due_soon', period: '2026', daysLeft: 7 }],
  ['yearly leap year 2028 posted late', YEARLY, [rec('2028', '2029-02-01')], '2029-02-28', { state: 'done', period: '2028', late: true }],
  // long-term
  ['long-term never posted is due now', LONG, [], '2026-11-27', { state: 'due_soon', period: null, due: '2026-11-27', daysLeft: 0 }],
  ['long-term posted and still up', LONG, [rec('long', '2026-03-01')], '2026-11-27', { state: 'not_applicable', due: null, lastPostedOn: '2026-03-01' }],
  ['long-term taken down must go up again', LONG, [rec('long', '2026-03-01', '2026-11-01')], '2026-11-27', { state: 'due_soon', due: '2026-11-27' }],
  // on event
  ['on-event with no event', EVENT, [], '2026-11-27', { state: 'not_applicable', period: null, due: null }],
  ['on-event registered, not posted, 3 days left', EVENT, [rec('2026-11-20', '')], '2026-11-27', { state: 'due_soon', period: '2026-11-20', due: '2026-11-30', daysLeft: 3 }],
  ['on-event not posted in time', EVENT, [rec('2026-11-01', '')], '2026-11-27', { state: 'overdue', due: '2026-11-11', overdueDays: 16 }],
  ['on-event posted within 10 days', EVENT, [rec('2026-11-01', '2026-11-08')], '2026-11-27', { state: 'done', period: '2026-11-01', due: '2026-11-11' }],
  ['on-event within 5 days, posted on day 7', EVENT5, [rec('2026-11-01', '2026-11-08')], '2026-11-27', { state: 'done', due: '2026-11-06', late: true }],
  ['on-event: an open event outranks an older done one', EVENT, [rec('2026-10-01', '2026-10-03'), rec('2026-11-25', '')], '2026-11-27', { state: 'pending', period: '2026-11-25', daysLeft: 8 }],
  // 公示 (publicity)
  ['公示 with nothing posted', PUB7, [], '2026-11-27', { state: 'not_applicable', period: null }],
  ['7-day 公示 still running', PUB7, [rec('p1', '2026-11-23')], '2026-11-27', { state: 'pending', due: '2026-11-30', daysLeft: 3 }],
  ['7-day 公示 taken down on its last day', PUB7, [rec('p1', '2026-11-10', '2026-11-17')], '2026-11-27', { state: 'done', due: '2026-11-17' }],
  ['7-day 公示 taken down a day early', PUB7, [rec('p1', '2026-11-10', '2026-11-16')], '2026-11-27', { state: 'overdue', due: '2026-11-17', overdueDays: 1 }],
  ['7 calendar days ignore the National Day holidays', PUB7, [rec('p1', '2026-09-30', '2026-10-07')], '2026-11-27', { state: 'done', due: '2026-10-07' }],
  ['5 working days from a Friday end the next Friday', PUB5W, [rec('p1', '2026-11-20')], '2026-11-27', { state: 'done', due: '2026-11-27' }],
  ['5 working days from a Friday, still running on Thursday', PUB5W, [rec('p1', '2026-11-20')], '2026-11-26', { state: 'pending', due: '2026-11-27', daysLeft: 1 }],
  ['5 working days taken down on Wednesday', PUB5W, [rec('p1', '2026-11-20', '2026-11-25')], '2026-11-27', { state: 'overdue', due: '2026-11-27', overdueDays: 2 }],
  ['5 working days across National Day: down on Oct 12 is early', PUB5W, [rec('p1', '2026-09-30', '2026-10-12')], '2026-11-27', { state: 'overdue', due: '2026-10-13', overdueDays: 1 }],
  ['5 working days across National Day: down on Oct 13 is complete', PUB5W, [rec('p1', '2026-09-30', '2026-10-13')], '2026-11-27', { state: 'done', due: '2026-10-13' }],
  ['7 working days count the make-up Sunday', PUB7W, [rec('p1', '2026-09-17', '2026-09-25')], '2026-11-27', { state: 'done', due: '2026-09-25' }],
  ['re-posting after an early takedown closes it', PUB7, [rec('p1', '2026-11-01', '2026-11-03'), rec('p2', '2026-11-05', '2026-11-12')], '2026-11-27', { state: 'done', period: 'p2' }],
]

describe('compliance state', () => {
  it.each(CASES)('%s', (_name, freq, records, today, want) => {
    const s = complianceOf(item(freq), records, today, CAL)
    const { period, ...rest } = want
    if (period !== undefined) expect(s.period?.key ?? null).toBe(period)
    for (const [k, v] of Object.entries(rest)) expect(s[k as keyof ComplianceStatus], k).toEqual(v)
    if (s.state !== 'done') expect(s.late).toBeUndefined()
  })

  it('says why a 公示 is overdue, in Chinese and English', () => {
    const s = complianceOf(item(PUB5W), [rec('p1', '2026-11-20', '2026-11-25')], '2026-11-27', CAL)
    expect(s.reason?.code).toBe('compliance.reason.taken_down_early.working')
    expect(words(s.reason)?.zh).toContain('公示未满5个工作日即撤下')
    expect(words(s.reason)?.en).toContain('2026-11-27')
  })

  it('names the missing period when a gap in the ledger is overdue', () => {
    const s = complianceOf(item(MONTHLY), [rec('2026-08', '2026-09-05'), rec('2026-10', '2026-11-05')], '2026-11-27', CAL)
    expect(s.reason?.code).toBe('compliance.reason.missing')
    expect(words(s.reason)).toEqual({ zh: '2026年9月的公开尚未登记', en: 'The disclosure for September 2026 has not been recorded' })
  })

  it('sorts the to-do list by urgency', () => {
    const states = [
      complianceOf(item(MONTHLY), [rec('2026-10', '2026-11-03')], '2026-11-27', CAL), // done
      complianceOf(item(QUARTERLY), [], '2026-11-27', CAL), // overdue 48
      complianceOf(item(LONG), [rec('l', '2026-01-01')], '2026-11-27', CAL), // not applicable
      complianceOf(item(MONTHLY), [], '2026-11-27', CAL), // overdue 17
      complianceOf(item(EVENT), [rec('2026-11-25', '')], '2026-11-27', CAL), // pending 8
      complianceOf(item(EVENT), [rec('2026-11-20', '')], '2026-11-27', CAL), // due soon 3
    ].sort(compareUrgency)
    expect(states.map((s) => [s.state, s.overdueDays ?? s.daysLeft ?? null])).toEqual([
      ['overdue', 48], ['overdue', 17], ['due_soon', 3], ['pending', 8], ['done', null], ['not_applicable', null],
    ])
  })
})

describe('on-time rate over the last 12 months', () => {
  const monthsBack = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']
  const onTimeMonthly = monthsBack.map((k) => {
    const [y, m] = k.split('-').map(Number) as [number, number]
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
    return rec(k, `${next}-05`)
  })

  it('counts 12 monthly periods, all on time', () => {
    expect(onTimeRate([item(MONTHLY)], onTimeMonthly, '2026-11-27', CAL)).toEqual({ onTime: 12, due: 12, rate: 1 })
  })

  it('a late and a missing month count against the village', () => {
    const records = onTimeMonthly.filter((r) => r.periodKey !== '2026-06').map((r) => (r.periodKey === '2026-03' ? rec('2026-03', '2026-04-15') : r))
    expect(onTimeRate([item(MONTHLY)], records, '2026-11-27', CAL)).toEqual({ onTime: 10, due: 12, rate: 10 / 12 })
  })

  it('adds quarters, half-years and years whose due date fell in the window', () => {
    const items = [item(QUARTERLY, 'Q'), item(SEMI, 'H'), item(YEARLY, 'Y')]
    const records = [rec('2025-Q4', '2026-01-09', undefined, 'Q'), rec('2026-Q1', '2026-04-10', undefined, 'Q'), rec('2026-Q2', '2026-07-11', undefined, 'Q'), rec('2025-H2', '2026-01-05', undefined, 'H'), rec('2025', '2026-01-10', undefined, 'Y')]
    // quarters due 01-10, 04-10, 07-10, 10-10 (2 on time); halves 01-10, 07-10 (1); year 01-10 (1)
    expect(onTimeRate(items, records, '2026-11-27', CAL)).toEqual({ onTime: 4, due: 7, rate: 4 / 7 })
  })

  it('a period due today counts only once posted', () => {
    expect(onTimeRate([item(MONTHLY)], [], '2026-11-10', CAL, 1)).toEqual({ onTime: 0, due: 0, rate: null })
    expect(onTimeRate([item(MONTHLY)], [rec('2026-10', '2026-11-10')], '2026-11-10', CAL, 1)).toEqual({ onTime: 1, due: 1, rate: 1 })
  })

  it('a 公示 taken down early and an event disclosed late are not on time', () => {
    const items = [item(PUB5W, 'P'), item(EVENT, 'E'), item(LONG, 'L')]
    const records = [
      rec('p1', '2026-09-30', '2026-10-12', 'P'), // early
      rec('p2', '2026-11-02', '2026-11-09', 'P'), // complete
      rec('p3', '2026-11-25', undefined, 'P'), // still running: not yet due
      rec('2026-08-01', '2026-08-20', undefined, 'E'), // late
      rec('2026-09-01', '2026-09-05', undefined, 'E'), // on time
      rec('l', '2026-01-01', undefined, 'L'), // long-term: never counted
    ]
    expect(onTimeRate(items, records, '2026-11-27', CAL)).toEqual({ onTime: 2, due: 4, rate: 0.5 })
  })

  it('nothing due gives no rate', () => {
    expect(onTimeRate([item(LONG), item(EVENT)], [], '2026-11-27', CAL)).toEqual({ onTime: 0, due: 0, rate: null })
  })

  it('a shorter window counts fewer periods', () => {
    expect(onTimeRate([item(MONTHLY)], onTimeMonthly, '2026-11-27', CAL, 3)).toEqual({ onTime: 3, due: 3, rate: 1 })
  })
})

describe('todayLocal', () => {
  it('uses the device’s calendar day, not UTC', () => {
    expect(todayLocal(new Date(2026, 10, 27, 23, 59))).toBe('2026-11-27')
    expect(todayLocal(new Date(2027, 0, 1, 0, 1))).toBe('2027-01-01')
  })
})

describe('a broken device clock', () => {
  it('gives no state and no rate instead of failing', () => {
    expect(complianceOf(item(MONTHLY), [], 'not a day', CAL)).toEqual({ state: 'not_applicable', period: null, due: null })
    expect(onTimeRate([item(MONTHLY)], [], '2026-13-01', CAL)).toEqual({ onTime: 0, due: 0, rate: null })
  })
})
