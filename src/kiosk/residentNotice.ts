/**
 * The one line about content freshness a resident may see. Residents are told
 * only what helps them: that content is on its way, or which day's content they
 * are reading when the kiosk cannot fetch new content. Why (a refused feed, a
 * signature, config.json) is for staff on #/status, never on the resident's screens.
 */
import type { SyncStateRecord } from '../db/schema'

export type ResidentNotice =
  /** nothing stored yet: "内容正在更新" */
  | { kind: 'updating' }
  /** content is shown but new content cannot be fetched now: "…正在显示 X 月 X 日的内容" */
  | { kind: 'stale'; since: string }

export interface ResidentNoticeInput {
  /** a revision is shown */
  hasContent: boolean
  /** when the content shown was last fetched or applied (ISO) */
  contentAt: string | undefined
  online: boolean
  states: Iterable<SyncStateRecord>
}

export function residentNotice(input: ResidentNoticeInput): ResidentNotice | null {
  if (!input.hasContent) return { kind: 'updating' }
  let failing = !input.online
  for (const s of input.states) if (s.consecutiveFailures > 0) failing = true
  if (failing && input.contentAt) return { kind: 'stale', since: input.contentAt }
  return null
}
