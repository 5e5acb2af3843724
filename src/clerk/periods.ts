/**
 * Period choices for a ledger record: the period the compliance clock says is
 * current for the item's frequency, and the ones before it. Items with no
 * periods (long-term, on-event, 公示) are keyed by the posting date instead.
 */
import { periodOf, type Period } from '../compliance/clock'
import type { Frequency } from '../feed/types'

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}

/** Newest first: the current period and the `count - 1` before it. */
export function recentPeriods(freq: Frequency, today: string, count = 6): Period[] {
  const out: Period[] = []
  let p = periodOf(freq, today)
  while (p && out.length < count) {
    out.push(p)
    p = periodOf(freq, dayBefore(p.start))
  }
  return out
}
