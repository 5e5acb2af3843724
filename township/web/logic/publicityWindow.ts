/**
 * The 公示 window a checklist item asks for, in words beside the date pickers:
 * "须公示 7 天 → 至 12月9日". The day is the lint's own (publicityLastDay), so
 * what the form promises is what submit checks.
 */
import { publicityLastDay } from '../../../src/feed/lint/publicity'
import type { WorkCalendar } from '../../../src/compliance/calendar'

export interface PublicityRule {
  days: number
  day_type?: 'calendar' | 'working'
}

export function publicityHint(rule: PublicityRule, startDay: string, cal: WorkCalendar): { lastDay: string; zh: string; en: string } {
  const lastDay = publicityLastDay(startDay, rule, cal)
  const [, m, d] = lastDay.split('-').map(Number)
  const working = rule.day_type === 'working'
  return {
    lastDay,
    zh: `须公示 ${rule.days} ${working ? '个工作日' : '天'} → 至 ${m}月${d}日`,
    en: `${rule.days} ${working ? 'working days' : 'days'} of 公示 required → until ${lastDay}`,
  }
}
