import { describe, expect, it } from 'vitest'
import { ledgerPeriodChoices } from '../../../src/clerk/periods'

describe('ledger period choices', () => {
  it('lists consecutive months, newest first, starting with the one due now', () => {
    expect(ledgerPeriodChoices({ type: 'monthly' }, '2026-11-27', 4).map((p) => p.key)).toEqual(['2026-10', '2026-09', '2026-08', '2026-07'])
  })
  it('lists consecutive quarters across a year boundary', () => {
    expect(ledgerPeriodChoices({ type: 'quarterly' }, '2026-02-15', 3).map((p) => p.key)).toEqual(['2025-Q4', '2025-Q3', '2025-Q2'])
  })
  it('offers no periods for long-term and 公示 items (keyed by posting date)', () => {
    expect(ledgerPeriodChoices({ type: 'long_term' }, '2026-11-27')).toEqual([])
    expect(ledgerPeriodChoices({ type: 'publicity', days: 7, day_type: 'calendar' }, '2026-11-27')).toEqual([])
  })
})
