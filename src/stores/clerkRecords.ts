/**
 * The village layer's records as the clerk edits them: reading, saving (one
 * transaction with photos, outbox entry and draft delete), undo, and what is
 * computed from them (items with their origin, the to-do list, the on-time rate).
 */
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { applyUndo, getUndoNote, readClerkRecords, saveClerkRecord, type ClerkRecords, type UndoNote } from '../db'
import type { ClerkRecord, PhotoRecord, RecordKind } from '../clerk/model'
import type { OutboxEntry } from '../clerk/outbox'
import { isOrphanRecord } from '../clerk/residentView'
import { compareUrgency, complianceOf, onTimeRate, todayLocal, type DisclosureRecord, type WorkCalendar } from '../compliance/dueState'
import { noticeDisclosures } from '../compliance/noticeDisclosures'
import type { ChecklistItem } from '../feed/types'
import type { NoticeSummary } from '../notice/summary'
import { useContentStore } from './content'
import { useClockStore } from './clock'
import { useClerkOutboxStore } from './clerkOutbox'

/** a record as a form hands it over: the store sets version and times */
export type UnsavedRecord = ClerkRecord extends infer R ? (R extends ClerkRecord ? Omit<R, 'version' | 'createdAt' | 'updatedAt'> : never) : never

export interface ItemView {
  item: ChecklistItem
  /** township items are read-only for clerks */
  origin: 'township' | 'village'
  retired: boolean
}

export const useClerkRecordsStore = defineStore('clerkRecords', () => {
  const content = useContentStore()
  const clock = useClockStore()
  const uploads = useClerkOutboxStore()

  const records = shallowRef<ClerkRecords>({ items: [], ledger: [], notices: [] })
  const loaded = shallowRef(false)
  const undoNote = shallowRef<UndoNote | null>(null)

  async function loadRecords() {
    records.value = await readClerkRecords()
    undoNote.value = await getUndoNote()
    await uploads.requeueUnacknowledged(records.value)
    await uploads.refresh()
    loaded.value = true
  }

  /** township items (read-only) then the village's own, retired last */
  const items = computed<ItemView[]>(() => [
    ...(content.record?.checklist ?? []).map((item) => ({ item, origin: 'township' as const, retired: false })),
    ...records.value.items.map((i) => ({ item: i as ChecklistItem, origin: 'village' as const, retired: i.retired })).sort((a, b) => Number(a.retired) - Number(b.retired)),
  ])

  function itemById(id: string): ItemView | undefined {
    return items.value.find((v) => v.item.id === id)
  }

  /** a ledger record whose item the township removed (and the village does not have): kept, flagged */
  function isOrphan(itemId: string): boolean {
    return isOrphanRecord(itemId, content.record?.checklist ?? [], records.value.items)
  }

  const disclosures = computed<DisclosureRecord[]>(() =>
    records.value.ledger.map((r) => ({ itemId: r.itemId, periodKey: r.periodKey, postedOn: r.postedOn, ...(r.takenDownOn ? { takenDownOn: r.takenDownOn } : {}) })),
  )

  const calendar = computed<WorkCalendar>(() => ({ holidays: content.record?.holidays ?? [], workdays: content.record?.workdays ?? [] }))
  const today = computed(() => todayLocal(clock.minute))

  const activeItems = computed(() => items.value.filter((v) => !v.retired).map((v) => v.item))

  /** village items apply from the start day the clerk chose, else from the day they were created */
  const activeFromById = computed(() => new Map(records.value.items.map((i) => [i.id, i.activeFrom || todayLocal(new Date(i.createdAt))])))
  const activeFrom = (item: ChecklistItem) => activeFromById.value.get(item.id)

  /** township notices linked to an item count as its disclosures (乡镇发布) */
  const townshipDisclosures = computed<DisclosureRecord[]>(() => {
    const linked = new Map<string, NoticeSummary[]>()
    for (const n of content.allNotices()) if (n.checklistItem && n.origin !== 'village') linked.set(n.checklistItem, [...(linked.get(n.checklistItem) ?? []), n])
    return activeItems.value.flatMap((item) => noticeDisclosures(item, linked.get(item.id) ?? []))
  })
  const allDisclosures = computed(() => [...disclosures.value, ...townshipDisclosures.value])

  /** the clerk's to-do list, most urgent first */
  const todo = computed(() =>
    activeItems.value
      .map((item) => ({ item, status: complianceOf(item, allDisclosures.value, today.value, calendar.value, { activeFrom: activeFrom(item) }) }))
      .sort((a, b) => compareUrgency(a.status, b.status)),
  )

  /** the village's on-time rate over the last 12 months (residents' checklist screen) */
  const onTime = computed(() => onTimeRate(activeItems.value, allDisclosures.value, today.value, calendar.value, 12, { activeFrom }))

  function lastPostedOn(itemId: string): string | null {
    let last: string | null = null
    for (const r of records.value.ledger) if (r.itemId === itemId && (!last || r.postedOn > last)) last = r.postedOn
    return last
  }

  function recordsOf(kind: RecordKind): ClerkRecord[] {
    return kind === 'item' ? records.value.items : kind === 'ledger' ? records.value.ledger : records.value.notices
  }

  function recordById(kind: RecordKind, id: string): ClerkRecord | undefined {
    return recordsOf(kind).find((r) => r.id === id)
  }

  /**
   * Saves a record: version and times set here, then one transaction with its
   * new photos, its outbox entry (when uploads are configured) and the draft delete.
   */
  async function save(kind: RecordKind, record: UnsavedRecord, opts: { photos?: PhotoRecord[]; draftId?: string | null } = {}): Promise<ClerkRecord> {
    const now = new Date()
    const before = recordById(kind, record.id) ?? null
    // photos new with this save join the record's list
    if ('photoIds' in record && opts.photos?.length) record = { ...record, photoIds: [...new Set([...record.photoIds, ...opts.photos.map((p) => p.id)])] }
    const full = { ...record, createdAt: before?.createdAt ?? now.toISOString(), updatedAt: now.toISOString(), version: (before?.version ?? 0) + 1 } as ClerkRecord
    const entry = uploads.enabled ? await uploads.entryFor(kind, full, now, {}, opts.photos) : null
    await saveClerkRecord({ kind, record: full, photos: opts.photos, outbox: entry, draftId: opts.draftId, before, now })
    await afterWrite()
    return full
  }

  async function undo(): Promise<UndoNote | null> {
    const note = undoNote.value
    if (!note) return null
    const now = new Date()
    const current = recordById(note.kind, note.recordId)
    let entry: OutboxEntry | null = null
    if (uploads.enabled) {
      // the server hears of the undo as a newer version of the record (or its deletion)
      const version = (current?.version ?? 0) + 1
      entry = note.before ? await uploads.entryFor(note.kind, { ...note.before, version }, now) : current ? await uploads.entryFor(note.kind, { ...current, version }, now, { deleted: true }) : null
    }
    await applyUndo(note, entry)
    await afterWrite()
    return note
  }

  /** After any write to the village layer: re-read it, show it to residents, send what is queued. */
  async function afterWrite() {
    await loadRecords()
    await content.reloadVillageLayer()
    void uploads.pumpOutbox()
  }

  return { records, loaded, undoNote, items, todo, onTime, today, loadRecords, itemById, isOrphan, lastPostedOn, recordById, save, undo, afterWrite }
})
