/** A 公示 that has ended should not stay at the top of the board. */
import type { Notice } from '../types'
import { chinaDay } from './publicity'
import type { LintFinding } from './types'

export function lintExpiredPinned(n: Notice, index: number, today: string): LintFinding[] {
  if (!n.pinned || !n.expires || chinaDay(n.expires) >= today) return []
  return [{
    rule: 'expired-pinned',
    severity: 'error',
    target: n.id,
    path: `items[${index}]._gongkai.pinned`,
    code: 'feed.lint.expired_pinned',
    params: { title: n.title, day: chinaDay(n.expires) },
  }]
}
