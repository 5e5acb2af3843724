/**
 * Period choices for a ledger record: the period the compliance rules say is
 * being disclosed now for the item's frequency, and the ones before it. Items
 * with no periods (long-term, on-event, 公示) are keyed by the posting date instead.
 */
import { isPeriodic, recentPeriods } from '../compliance/periods'
import type { Period } from '../compliance/dueState'
import type { Frequency } from '../feed/types'

/** Newest first: the period due now and the `count - 1` before it, with none skipped. */
export function ledgerPeriodChoices(freq: Frequency, today: string, count = 6): Period[] {
  return isPeriodic(freq) ? recentPeriods(freq.type, today, count) : []
}
