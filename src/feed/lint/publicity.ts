/**
 * 公示 windows: a notice under a checklist item with a publicity frequency
 * needs an end (expires) and must last at least the item's days, counted in
 * calendar or working days (the feed's holidays / workdays). The day posted
 * counts when it is a working day, the way 公示 notices write their dates
 * ("公示期5个工作日：11月25日至12月1日").
 */
import { addWorkingDays, isWorkingDay, type WorkCalendar } from '../../compliance/calendar'
import { addDays } from '../../compliance/days'
import type { ChecklistItem, Notice } from '../types'
import type { LintFinding } from './types'

/** the China-local (UTC+8) calendar day of an ISO date-time */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10)
}

/** the first day a 公示 that opens on `start` may end (the composer shows it: "须公示 7 天 → 至 12月9日") */
export function publicityLastDay(start: string, f: { days: number; day_type?: 'calendar' | 'working' }, cal: WorkCalendar): string {
  return f.day_type === 'working' ? addWorkingDays(start, isWorkingDay(start, cal) ? f.days - 1 : f.days, cal) : addDays(start, f.days - 1)
}

export function lintPublicity(n: Notice, index: number, items: Map<string, ChecklistItem>, cal: WorkCalendar): LintFinding[] {
  const item = n.checklistItem ? items.get(n.checklistItem) : undefined
  if (!item || item.frequency.type !== 'publicity' || !n.published) return []
  const { days } = item.frequency
  const working = item.frequency.day_type === 'working'
  const unit = working ? { zh: '个工作日', en: 'working days' } : { zh: '天', en: 'days' }
  if (!n.expires) {
    return [{
      rule: 'publicity-no-end',
      severity: 'error',
      target: n.id,
      path: `items[${index}]._gongkai.expires`,
      zh: `“${item.title}”须公示 ${days}${unit.zh}，但这条公示没有结束日期（expires）`,
      en: `“${item.id}” requires ${days} ${unit.en} of 公示, but this notice has no end date (expires)`,
    }]
  }
  const start = chinaDay(n.published)
  const need = publicityLastDay(start, item.frequency, cal)
  const end = chinaDay(n.expires)
  if (end >= need) return []
  return [{
    rule: 'publicity-too-short',
    severity: 'error',
    target: n.id,
    path: `items[${index}]._gongkai.expires`,
    zh: `公示期太短：“${item.title}”须公示 ${days}${unit.zh}，从 ${start} 起应至少到 ${need}，但结束于 ${end}`,
    en: `公示 too short: “${item.id}” requires ${days} ${unit.en}; from ${start} it must last until ${need} at least, but it ends ${end}`,
  }]
}
