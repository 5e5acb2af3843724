/**
 * The 公示 state of a notice in words (never by colour alone): "公示中 · 还剩 3 天",
 * "长期公开", "已结束", "即将公示". Shared by the state badge and the list card,
 * which renders it inline (one component less per card on a long board).
 */
import type { Notice } from '../feed/types'
import { daysLeft, noticeState, type NoticeState } from './window'

/** past this many days left, the label says 长期公示 instead of counting */
export const FAR_END_DAYS = 365

/** vue-i18n's `t` with named values (what the label needs of it) */
export type Translate = (key: string, named: Record<string, unknown>) => string

export function noticeStateLabel(n: Pick<Notice, 'published' | 'expires'>, now: Date, t: Translate): { state: NoticeState; label: string } {
  const state = noticeState(n, now)
  if (state === 'upcoming') return { state, label: t('notices.upcoming', {}) }
  if (state === 'expired') return { state, label: t('notices.expired', {}) }
  const d = daysLeft(n, now)
  if (d === null) return { state, label: t('notices.open_long_term', {}) }
  // an end more than a year away is no countdown a resident can use ("还剩 26693 天")
  return { state, label: d > FAR_END_DAYS ? t('notices.open_far_end', {}) : t('notices.open_days_left', { days: d }) }
}
