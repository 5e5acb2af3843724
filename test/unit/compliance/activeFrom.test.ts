import { describe, expect, it } from 'vitest'
import type { ChecklistItem, Frequency } from '../../../src/feed/types'
import { EMPTY_CALENDAR, complianceOf, firstPeriodFrom, onTimeRate } from '../../../src/compliance'
import type { DisclosureRecord } from '../../../src/compliance'

const item = (frequency: Frequency, id = 'V-01'): ChecklistItem => ({
  id, category: 'cw', title: id, content: '', basis: '', frequency, channels: [], owner: '', audience: '',
})
const rec = (periodKey: string, postedOn: string): DisclosureRecord => ({ itemId: 'V-01', periodKey, postedOn })

const MONTHLY: Frequency = { type: 'monthly' }
const QUARTERLY: Frequency = { type: 'quarterly' }
const SEMI: Frequency = { type: 'semiannual' }
const YEARLY: Frequency = { type: 'yearly' }

describe('firstPeriodFrom', () => {
  it.each([
    ['a quarter starting that day', QUARTERLY, '2026-10-01', '2026-Q4'],
    ['mid-quarter: the next quarter', QUARTERLY, '2026-12-02', '2027-Q1'],
    ['mid-month: the next month', MONTHLY, '2026-12-02', '2027-01'],
    ['first of a month: that month', MONTHLY, '2026-12-01', '2026-12'],
    ['mid-year semiannual', SEMI, '2026-03-10', '2026-H2'],
    ['yearly on Jan 1', YEARLY, '2027-01-01', '2027'],
    ['yearly late in the year', YEARLY, '2026-12-31', '2027'],
  ] as const)('%s', (_n, freq, day, key) => {
    expect(firstPeriodFrom(freq.type as 'monthly', day).key).toBe(key)
  })
})

describe('an item is never overdue before its first period', () => {
  it.each([
    // [name, frequency, activeFrom, today, records, state, period key, due]
    ['quarterly created today (issue 16: was 逾期 · 53 天)', QUARTERLY, '2026-12-02', '2026-12-02', [], 'pending', '2027-Q1', '2027-04-10'],
    ['monthly created today', MONTHLY, '2026-12-02', '2026-12-02', [], 'pending', '2027-01', '2027-02-10'],
    ['monthly created on the 1st: this month is its first', MONTHLY, '2026-12-01', '2026-12-01', [], 'pending', '2026-12', '2027-01-10'],
    ['yearly created in December', YEARLY, '2026-12-02', '2026-12-02', [], 'pending', '2027', '2028-01-10'],
    ['monthly created 2026-12-02, first due soon on 2027-02-05', MONTHLY, '2026-12-02', '2027-02-05', [], 'due_soon', '2027-01', '2027-02-10'],
    ['monthly created 2026-12-02, first period missed by 2027-02-11', MONTHLY, '2026-12-02', '2027-02-11', [], 'overdue', '2027-01', '2027-02-10'],
    ['quarterly created mid-year: its first full quarter is due and missing', QUARTERLY, '2026-06-15', '2026-12-02', [], 'overdue', '2026-Q3', '2026-10-10'],
    ['a clerk-chosen earlier start date makes the last quarter count', QUARTERLY, '2026-07-01', '2026-12-02', [], 'overdue', '2026-Q3', '2026-10-10'],
    ['recorded early for the period before its start: done', QUARTERLY, '2026-12-02', '2026-12-02', [rec('2026-Q3', '2026-12-02')], 'done', '2026-Q3', '2026-10-10'],
    ['no start date: the old rule (overdue at once)', QUARTERLY, undefined, '2026-12-02', [], 'overdue', '2026-Q3', '2026-10-10'],
    ['an unreadable start date is ignored', QUARTERLY, '2026-13-40', '2026-12-02', [], 'overdue', '2026-Q3', '2026-10-10'],
  ] as const)('%s', (_n, freq, activeFrom, today, records, state, key, due) => {
    const s = complianceOf(item(freq), [...records], today, EMPTY_CALENDAR, activeFrom ? { activeFrom } : {})
    expect(s.state).toBe(state)
    expect(s.period?.key).toBe(key)
    expect(s.due).toBe(due)
  })

  it('a gap since the start date is overdue even when the latest period is done', () => {
    // active since 2026-04-01; Q2 missing, Q3 recorded: Q2 is the oldest gap
    const s = complianceOf(item(QUARTERLY), [rec('2026-Q3', '2026-10-05')], '2026-11-20', EMPTY_CALENDAR, { activeFrom: '2026-04-01' })
    expect(s).toMatchObject({ state: 'overdue', period: { key: '2026-Q2' }, due: '2026-07-10' })
  })

  it('periods before the start date do not count in the on-time rate', () => {
    const items = [item(MONTHLY)]
    const without = onTimeRate(items, [], '2026-12-20', EMPTY_CALENDAR, 12)
    expect(without.due).toBe(12)
    const since = onTimeRate(items, [], '2026-12-20', EMPTY_CALENDAR, 12, { activeFrom: () => '2026-09-15' })
    // October (due 11-10) and November (due 12-10): two periods due, none on time
    expect(since).toEqual({ onTime: 0, due: 2, rate: 0 })
    const fresh = onTimeRate(items, [], '2026-12-20', EMPTY_CALENDAR, 12, { activeFrom: () => '2026-12-20' })
    expect(fresh).toEqual({ onTime: 0, due: 0, rate: null })
  })
})
