/**
 * How the village layer shows to residents: local notices become board
 * notices marked as posted by the village; active village items join the
 * township's checklist. Retired records are history only.
 */
import type { ChecklistItem, Notice } from '../feed/types'
import type { LocalNotice, VillageItem } from './model'

/** the sourceId village notices carry in the content store */
export const VILLAGE_SOURCE = 'village'

export function residentNotice(n: LocalNotice): Notice & { sourceId: string; revision: number } {
  return {
    id: n.id,
    title: n.title,
    text: n.text,
    published: n.published,
    modified: n.updatedAt,
    ...(n.expires ? { expires: n.expires } : {}),
    category: n.category,
    ...(n.checklistItem ? { checklistItem: n.checklistItem } : {}),
    pinned: false,
    urgent: false,
    ...(n.table ? { table: n.table } : {}),
    attachments: [],
    tags: [],
    origin: 'village',
    sourceId: VILLAGE_SOURCE,
    revision: 0,
  }
}

export function residentChecklistItem(i: VillageItem): ChecklistItem {
  return { id: i.id, category: i.category, title: i.title, content: i.content, basis: i.basis, frequency: i.frequency, channels: i.channels, owner: i.owner, audience: i.audience }
}

export function residentLayer(notices: LocalNotice[], items: VillageItem[]): { notices: ReturnType<typeof residentNotice>[]; checklist: ChecklistItem[] } {
  return { notices: notices.filter((n) => !n.retired).map(residentNotice), checklist: items.filter((i) => !i.retired).map(residentChecklistItem) }
}

/**
 * A ledger record whose checklist item the township removed (and the village
 * does not keep itself): it stays in the ledger, flagged.
 */
export function isOrphanRecord(itemId: string, townshipItems: { id: string }[], villageItems: { id: string }[]): boolean {
  return !townshipItems.some((i) => i.id === itemId) && !villageItems.some((i) => i.id === itemId)
}
