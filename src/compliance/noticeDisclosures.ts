/**
 * Township notices as disclosures (issue 16 item 3): a township notice linked
 * to a checklist item (`_gongkai.checklist_item`) that is or was shown on this
 * village's kiosk discloses that item for its period, so the to-do list does
 * not ask the clerk to record what the township already posted. The records
 * are marked source 'township' ("乡镇发布" on the clerk's screens).
 *
 * Which period a notice discloses: periodic items, the period being disclosed
 * on the day it was published (a monthly notice of 5 November discloses
 * October); 公示 and on-event items, the notice itself from its publication
 * day; long-term items, up from publication to expiry.
 */
import type { ChecklistItem, Notice } from '../feed/types'
import type { DisclosureRecord } from './dueState'
import { isDay } from './days'
import { isPeriodic, periodOf } from './periods'

/** YYYY-MM-DD of an ISO date-time in the device's zone (the village's), or '' when it is not one. */
function localDay(iso: string | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  return isDay(day) ? day : ''
}

export function noticeDisclosures(item: ChecklistItem, notices: readonly Pick<Notice, 'id' | 'checklistItem' | 'origin' | 'published' | 'expires'>[]): DisclosureRecord[] {
  const out: DisclosureRecord[] = []
  for (const n of notices) {
    if (n.checklistItem !== item.id || n.origin === 'village') continue
    // a notice with no publication time has no day to count from
    const postedOn = localDay(n.published)
    if (!postedOn) continue
    const takenDownOn = localDay(n.expires)
    let periodKey: string
    if (isPeriodic(item.frequency)) periodKey = periodOf(item.frequency, postedOn)!.key
    else if (item.frequency.type === 'on_event') periodKey = `${postedOn}#notice:${n.id}`
    else periodKey = `notice:${n.id}`
    out.push({ itemId: item.id, periodKey, postedOn, ...(takenDownOn ? { takenDownOn } : {}), source: 'township' })
  }
  return out
}
