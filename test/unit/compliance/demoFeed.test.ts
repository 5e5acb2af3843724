import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseFeedText } from '../../../src/feed/validate'
import { normalizeFeed } from '../../../src/feed/normalize'
import { compareUrgency, complianceOf, onTimeRate } from '../../../src/compliance/dueState'
import { isWorkingDay } from '../../../src/compliance/calendar'
import type { ComplianceState } from '../../../src/compliance/dueState'

/**
 * The clock on the demo village's real checklist (demo/feed.source.json,
 * anchored at 2026-11-27), through the same validate → normalize path the
 * kiosk uses: a village with an empty ledger.
 */
const parsed = parseFeedText(readFileSync(new URL('../../../demo/feed.source.json', import.meta.url), 'utf8'))
if (!parsed.ok) throw new Error('demo feed does not validate')
const content = normalizeFeed(parsed.feed, 'https://example.gov.cn/feed.json')
const cal = { holidays: content.holidays, workdays: content.workdays }
const TODAY = '2026-11-27'

const EMPTY_LEDGER: Record<string, ComplianceState> = {
  monthly: 'overdue', // October, due 11-10
  quarterly: 'overdue', // Q3, due 10-10
  semiannual: 'overdue', // H1, due 07-10
  yearly: 'overdue', // 2025, due 2026-01-10
  long_term: 'due_soon', // must be up now
  on_event: 'not_applicable',
  publicity: 'not_applicable',
}

describe('compliance clock on the demo checklist', () => {
  it('gives every item a state from its frequency', () => {
    expect(content.checklist.length).toBeGreaterThan(10)
    for (const item of content.checklist) {
      expect(complianceOf(item, [], TODAY, cal).state, item.id).toBe(EMPTY_LEDGER[item.frequency.type])
    }
  })

  it('counts every period due in the last 12 months against an empty ledger', () => {
    const perYear = { monthly: 12, quarterly: 4, semiannual: 2, yearly: 1 } as Record<string, number>
    const due = content.checklist.reduce((n, i) => n + (perYear[i.frequency.type] ?? 0), 0)
    expect(onTimeRate(content.checklist, [], TODAY, cal)).toEqual({ onTime: 0, due, rate: due ? 0 : null })
  })

  it('puts the longest overdue item first on the to-do list', () => {
    const sorted = content.checklist.map((i) => ({ id: i.id, s: complianceOf(i, [], TODAY, cal) })).sort((a, b) => compareUrgency(a.s, b.s))
    const first = sorted[0]!.s
    expect(first.state).toBe('overdue')
    for (const x of sorted) if (x.s.state === 'overdue') expect(x.s.overdueDays!).toBeLessThanOrEqual(first.overdueDays!)
  })

  it('reads the feed’s holiday calendar (National Day 2026 and its make-up Saturday)', () => {
    expect(isWorkingDay('2026-10-05', cal)).toBe(false)
    expect(isWorkingDay('2026-10-10', cal)).toBe(true)
  })
})
