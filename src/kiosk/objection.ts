/**
 * The objection footer of a 公示 notice: "如有异议，请于 X 月 X 日前向村务监督委员会反映".
 * A notice is a 公示 when its window has an end (expires) — whether or not its
 * checklist item is a publicity item (公示 N 天): residents may object to any
 * notice on display for a fixed period. The deadline is the day it closes.
 */
import type { Notice } from '../feed/types'
import { formatDay } from '../render/format'

/** The last day objections are taken, or null when the notice is not a 公示. */
export function objectionDeadline(notice: Pick<Notice, 'expires'>): Date | null {
  if (!notice.expires) return null
  const d = new Date(notice.expires)
  return Number.isNaN(d.getTime()) ? null : d
}

/** "12月3日" / "December 3": the day as the footer says it; with the year when it is not this year's. */
export function formatDeadline(d: Date, locale: string, now: Date): string {
  return formatDay(d, locale, now)
}
