/**
 * How a checklist item's state reads in the supervision table: 按时 / 即将到期 /
 * 逾期 N 天 / 不适用 (the states come from src/compliance on the server; this
 * only words and orders them).
 */
import type { ItemState, SupervisionItem } from '../api/types'

type Translate = (key: string, named?: Record<string, unknown>) => string

export function stateLabel(item: Pick<SupervisionItem, 'state' | 'overdueDays' | 'daysLeft'>, t: Translate): string {
  switch (item.state) {
    case 'done':
      return t('supervision.state.done')
    case 'due_soon':
      if (item.daysLeft === null || item.daysLeft === undefined) return t('supervision.state.due_soon')
      return item.daysLeft <= 0 ? t('supervision.state.due_today') : t('supervision.state.due_soon_days', { n: item.daysLeft })
    case 'overdue':
      // the weekly list gives no day count
      return item.overdueDays === null || item.overdueDays === undefined ? t('supervision.state_name.overdue') : t('supervision.state.overdue', { n: item.overdueDays })
    case 'not_applicable':
      return t('supervision.state.not_applicable')
    default:
      return t('supervision.state.pending')
  }
}

/** Worst first: what staff must act on comes to the top when sorting by state. */
const SEVERITY: Record<ItemState, number> = { overdue: 0, due_soon: 1, pending: 2, done: 3, not_applicable: 4 }

export function stateSeverity(item: Pick<SupervisionItem, 'state' | 'overdueDays'>): number {
  // more days overdue sorts before fewer
  return SEVERITY[item.state] * 10_000 - (item.state === 'overdue' ? Math.min(9_999, item.overdueDays ?? 0) : 0)
}

/** The state's colour class (.state-ok, .state-warn, .state-bad, .state-muted in console.css). */
export function stateTone(state: ItemState): 'ok' | 'warn' | 'bad' | 'muted' {
  return state === 'done' ? 'ok' : state === 'due_soon' ? 'warn' : state === 'overdue' ? 'bad' : 'muted'
}

export interface StateCounts {
  done: number
  due_soon: number
  overdue: number
  pending: number
  not_applicable: number
}

export function countStates(items: readonly Pick<SupervisionItem, 'state'>[]): StateCounts {
  const c: StateCounts = { done: 0, due_soon: 0, overdue: 0, pending: 0, not_applicable: 0 }
  for (const i of items) c[i.state]++
  return c
}
