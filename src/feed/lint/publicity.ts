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

/**
 * A notice that calls itself a 公示 (title or category) must say which
 * checklist item it discloses and when it ends; otherwise the length check
 * above would be skipped without a word.
 */
export function lintPublicityUnlinked(n: Notice, index: number, categoryTitle: string, items: Map<string, ChecklistItem>): LintFinding[] {
  const named = /公示/.test(n.title) ? n.title : /公示/.test(categoryTitle) ? categoryTitle : null
  if (!named) return []
  // a missing end under a 公示 checklist item is publicity-no-end's to report
  if (n.checklistItem && items.get(n.checklistItem)?.frequency.type === 'publicity') return []
  const missing = [!n.checklistItem && 'checklist_item', !n.expires && 'expires'].filter((x): x is string => !!x)
  if (!missing.length) return []
  const which = missing.length === 2 ? 'both' : n.expires ? 'item' : 'end'
  return [{
    rule: 'publicity-unlinked',
    severity: 'error',
    target: n.id,
    path: `items[${index}]._gongkai.${missing[0]}`,
    code: `feed.lint.publicity_unlinked_${which}`,
    params: { named },
  }]
}

/** the first day a 公示 that opens on `start` may end (the composer shows it: "须公示 7 天 → 至 12月9日") */
export function publicityLastDay(start: string, f: { days: number; day_type?: 'calendar' | 'working' }, cal: WorkCalendar): string {
  return f.day_type === 'working' ? addWorkingDays(start, isWorkingDay(start, cal) ? f.days - 1 : f.days, cal) : addDays(start, f.days - 1)
}

export function lintPublicity(n: Notice, index: number, items: Map<string, ChecklistItem>, cal: WorkCalendar): LintFinding[] {
  const item = n.checklistItem ? items.get(n.checklistItem) : undefined
  if (!item || item.frequency.type !== 'publicity' || !n.published) return []
  const { days } = item.frequency
  const unit = item.frequency.day_type === 'working' ? 'working' : 'calendar'
  const names = { title: item.title, days }
  if (!n.expires) {
    return [{
      rule: 'publicity-no-end',
      severity: 'error',
      target: n.id,
      path: `items[${index}]._gongkai.expires`,
      code: `feed.lint.publicity_no_end_${unit}`,
      params: names,
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
    code: `feed.lint.publicity_too_short_${unit}`,
    params: { ...names, start, need, end },
  }]
}
