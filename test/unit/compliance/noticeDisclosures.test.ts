import { describe, expect, it } from 'vitest'
import type { ChecklistItem, Frequency, Notice } from '../../../src/feed/types'
import { EMPTY_CALENDAR, complianceOf, noticeDisclosures } from '../../../src/compliance'
import type { DisclosureRecord } from '../../../src/compliance'

const item = (frequency: Frequency, id = 'T-01'): ChecklistItem => ({
  id, category: 'cw', title: id, content: '', basis: '', frequency, channels: [], owner: '', audience: '',
})
// noon UTC+8 is a safe local day in any zone the tests run in (UTC … UTC+8)
const notice = (id: string, published: string | undefined, extra: Partial<Notice> = {}): Notice => ({
  id, title: id, category: 'cw', checklistItem: 'T-01', pinned: false, urgent: false, attachments: [], tags: [],
  ...(published ? { published: `${published}T12:00:00+08:00` } : {}), ...extra,
})

const PUB7: Frequency = { type: 'publicity', days: 7, day_type: 'calendar' }
const MONTHLY: Frequency = { type: 'monthly' }
const QUARTERLY: Frequency = { type: 'quarterly' }
const LONG: Frequency = { type: 'long_term' }
const EVENT: Frequency = { type: 'on_event' }

describe('noticeDisclosures', () => {
  it.each([
    ['a monthly notice discloses the month before its publication', MONTHLY, [notice('n1', '2026-11-05')], [{ periodKey: '2026-10', postedOn: '2026-11-05' }]],
    ['a quarterly notice', QUARTERLY, [notice('n1', '2026-10-08')], [{ periodKey: '2026-Q3', postedOn: '2026-10-08' }]],
    ['a 公示 notice keyed by itself, expiry as take-down', PUB7, [notice('n1', '2026-11-20', { expires: '2026-11-27T18:00:00+08:00' })], [{ periodKey: 'notice:n1', postedOn: '2026-11-20', takenDownOn: '2026-11-27' }]],
    ['an event notice keyed by its day', EVENT, [notice('n1', '2026-11-20')], [{ periodKey: '2026-11-20#notice:n1', postedOn: '2026-11-20' }]],
    ['notices of other items are not this item\'s', MONTHLY, [notice('n1', '2026-11-05', { checklistItem: 'T-02' })], []],
    ['unlinked notices do not count', MONTHLY, [notice('n1', '2026-11-05', { checklistItem: undefined })], []],
    ['the village\'s own board notices are not township disclosures', MONTHLY, [notice('n1', '2026-11-05', { origin: 'village' })], []],
    ['a notice with no publication time has no day', MONTHLY, [notice('n1', undefined)], []],
    ['an unreadable publication time is skipped', MONTHLY, [notice('n1', undefined, { published: 'soon' })], []],
  ] as const)('%s', (_n, freq, notices, expected) => {
    const got = noticeDisclosures(item(freq), notices)
    expect(got).toEqual(expected.map((e) => ({ itemId: 'T-01', source: 'township', ...e })))
  })
})

describe('township notices in the compliance clock', () => {
  const status = (freq: Frequency, notices: Notice[], today: string, ledger: DisclosureRecord[] = []) =>
    complianceOf(item(freq), [...ledger, ...noticeDisclosures(item(freq), notices)], today, EMPTY_CALENDAR)

  it.each([
    // [name, frequency, notices, today, state, disclosedBy]
    ['公示 on the board now: pending, not 不适用 (issue 16)', PUB7, [notice('n1', '2026-11-28')], '2026-12-02', 'pending', 'township'],
    ['公示 complete', PUB7, [notice('n1', '2026-11-20', { expires: '2026-11-30T00:00:00+08:00' })], '2026-12-02', 'done', 'township'],
    ['公示 expired too early', PUB7, [notice('n1', '2026-11-20', { expires: '2026-11-22T18:00:00+08:00' })], '2026-12-02', 'overdue', undefined],
    ['公示 with no notice and no ledger: 不适用 indeed', PUB7, [], '2026-12-02', 'not_applicable', undefined],
    ['a scheduled notice not shown yet does not count', PUB7, [notice('n1', '2026-12-10')], '2026-12-02', 'not_applicable', undefined],
    ['monthly disclosed by the township on time', MONTHLY, [notice('n1', '2026-11-05')], '2026-11-20', 'done', 'township'],
    ['monthly township notice for an older month leaves the current one open', MONTHLY, [notice('n1', '2026-10-05')], '2026-11-20', 'overdue', undefined],
    ['long-term notice on the board: not due', LONG, [notice('n1', '2026-01-05')], '2026-12-02', 'not_applicable', 'township'],
    ['long-term notice expired: post again', LONG, [notice('n1', '2026-01-05', { expires: '2026-06-30T00:00:00+08:00' })], '2026-12-02', 'due_soon', undefined],
  ] as const)('%s', (_n, freq, notices, today, state, by) => {
    const s = status(freq, [...notices], today)
    expect(s.state).toBe(state)
    expect(s.disclosedBy).toBe(by)
  })

  it('a ledger record and a township notice for the same month: the earlier counts', () => {
    const ledger: DisclosureRecord[] = [{ itemId: 'T-01', periodKey: '2026-10', postedOn: '2026-11-03' }]
    expect(status(MONTHLY, [notice('n1', '2026-11-05')], '2026-11-20', ledger)).toMatchObject({ state: 'done', disclosedBy: 'ledger' })
    expect(status(MONTHLY, [notice('n1', '2026-11-02')], '2026-11-20', ledger)).toMatchObject({ state: 'done', disclosedBy: 'township' })
  })
})
