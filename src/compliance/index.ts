/** The compliance clock: periods, due dates and on-time state of checklist items. */
export { addWorkingDays, EMPTY_CALENDAR, isWorkingDay } from './calendar'
export type { WorkCalendar } from './calendar'
export {
  compareUrgency,
  complianceOf,
  DUE_SOON_DAYS,
  LOOKBACK_MONTHS,
  onTimeRate,
  publicityEnd,
  publicityPeriod,
  todayLocal,
} from './dueState'
export type { ComplianceOptions, ComplianceState, ComplianceStatus, DisclosureRecord, DisclosureSource } from './dueState'
export { noticeDisclosures } from './noticeDisclosures'
export { DEFAULT_EVENT_DAYS, dueDateOf, eventPeriod, firstPeriodFrom, isPeriodic, periodByKey, periodContaining, periodOf, previousPeriod, recentPeriods } from './periods'
export type { Period, PeriodicType } from './periods'
