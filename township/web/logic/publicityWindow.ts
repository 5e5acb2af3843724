/**
 * The 公示 window a checklist item asks for, in words beside the date pickers:
 * "须公示 7 天 → 至 12月9日". The day is the lint's own (publicityLastDay), so
 * what the form promises is what submit checks.
 */
import { publicityLastDay } from '../../../src/feed/lint/publicity'
import type { WorkCalendar } from '../../../src/compliance/calendar'
import { msg, type Message } from '../../../src/i18n/message'

export interface PublicityRule {
  days: number
  day_type?: 'calendar' | 'working'
}

/** the last day, and the words (publish.publicity_hint.*: Chinese names the month and day, English the date) */
export function publicityHint(rule: PublicityRule, startDay: string, cal: WorkCalendar): { lastDay: string; message: Message } {
  const lastDay = publicityLastDay(startDay, rule, cal)
  const [, month, day] = lastDay.split('-').map(Number)
  return { lastDay, message: msg(`publish.publicity_hint.${rule.day_type === 'working' ? 'working' : 'calendar'}`, { days: rule.days, month: month!, day: day!, lastDay }) }
}
