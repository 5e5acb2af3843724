/**
 * Clerk mode: the PIN gate and its lockout, the village layer's records, saving
 * (one transaction with photos, outbox entry and draft), undo, export/import and
 * the upload outbox. Heavy parts (zip) load on demand, so residents' screens can
 * use this store for ledger dates without loading them.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import {
  CLERK_KV,
  applyUndo,
  getUndoNote,
  kvGet,
  kvSet,
  getPhoto,
  listOutbox,
  listUploadAcks,
  queueOutboxEntries,
  readClerkRecords,
  readVillageLayer,
  replaceVillageLayer,
  saveClerkRecord,
  settleOutboxEntry,
  type ClerkRecords,
  type UndoNote,
} from '../db'
import { hashPin, isWellFormedPin, pinHashInForce, verifyPin } from '../clerk/pin'
import { askProvisionedPin } from '../clerk/provisionedPin'
import { UNLOCKED, afterWrongPin, isLocked, restoreLockState, strictest, type LockState } from '../clerk/lockout'
import { type ClerkRecord, type PhotoRecord, type RecordKind, type VillageLayer } from '../clerk/model'
import { isDue, missingEntries, nextDueAt, outboxEntryFor, outboxKey, uploadStateOf, type OutboxEntry, type OutboxPhoto, type UploadAck, type UploadState } from '../clerk/outbox'
import { deliver } from '../clerk/upload'
import { uploadError } from '../clerk/uploadErrors'
import { sha256Hex } from '../sync/hash'
import { resolveKioskId } from '../fleet/kioskId'
import type { ExportSummary, ImportError } from '../clerk/exportFormat'
import { isOrphanRecord } from '../clerk/residentView'
import { compareUrgency, complianceOf, onTimeRate, todayLocal, type DisclosureRecord, type WorkCalendar } from '../compliance/clock'
import { noticeDisclosures } from '../compliance/noticeDisclosures'
import type { ChecklistItem } from '../feed/types'
import { useConfigStore } from './config'
import { useContentStore } from './content'
import { useKioskStore } from './kiosk'
import { useClockStore } from './clock'
import { useSyncStore } from './sync'

export type PinResult = 'ok' | 'wrong' | 'locked'
/** a record as a form hands it over: the store sets version and times */
export type UnsavedRecord = ClerkRecord extends infer R ? (R extends ClerkRecord ? Omit<R, 'version' | 'createdAt' | 'updatedAt'> : never) : never

export interface ItemView {
  item: ChecklistItem
  /** township items are read-only for clerks */
  origin: 'township' | 'village'
  retired: boolean
}

export const useClerkStore = defineStore('clerk', () => {
  const config = useConfigStore()
  const content = useContentStore()
  const kiosk = useKioskStore()
  const clock = useClockStore()

  /** the PIN hash in force: set on this kiosk (kv) or provisioned by config.json */
  const pinHash = shallowRef<string | null>(null)
  const lock = shallowRef<LockState>(UNLOCKED)
  const unlocked = shallowRef(false)
  const records = shallowRef<ClerkRecords>({ items: [], ledger: [], notices: [] })
  const loaded = shallowRef(false)
  const undoNote = shallowRef<UndoNote | null>(null)
  const outbox = shallowRef<OutboxEntry[]>([])
  const acks = shallowRef<UploadAck[]>([])
  /** navigator.storage.persist() answer; null until asked or where unsupported */
  const persisted = shallowRef<boolean | null>(null)

  /** the township provisioned the PIN: the service worker checks it (the page never holds that hash) */
  const provisionedInWorker = shallowRef(false)
  const needsPinSetup = computed(() => !provisionedInWorker.value && pinHash.value === null)
  const locked = computed(() => isLocked(lock.value, clock.now.getTime()))

  /** the kiosk-set hash, from the PIN record (or the older lone key) */
  let ownHash: string | null = null

  async function loadPinState() {
    const record = await kvGet<{ hash?: unknown; lock?: unknown }>(CLERK_KV.pin)
    const legacy = await kvGet<string>(CLERK_KV.pinHash)
    ownHash = typeof record?.hash === 'string' ? record.hash : typeof legacy === 'string' ? legacy : null
    provisionedInWorker.value = (await askProvisionedPin())?.provisioned === true
    // config.clerkPinHash reaches the page only where no service worker strips it (development)
    pinHash.value = pinHashInForce(config.config.clerkPinHash, ownHash ?? undefined)
    lock.value = strictest(restoreLockState(await kvGet(CLERK_KV.lock)), restoreLockState(record?.lock))
  }

  /** The lock state into both records: deleting one of them does not unlock. */
  async function writeLock(state: LockState) {
    lock.value = state
    await kvSet(CLERK_KV.lock, state)
    await kvSet(CLERK_KV.pin, { hash: ownHash, lock: state })
  }

  async function loadRecords() {
    records.value = await readClerkRecords()
    undoNote.value = await getUndoNote()
    await requeueUnacknowledged()
    outbox.value = await listOutbox()
    acks.value = await listUploadAcks()
    loaded.value = true
  }

  async function setPin(pin: string) {
    // no new PIN while locked (the lock may come from either record)
    if (isLocked(lock.value, Date.now()) || !isWellFormedPin(pin) || provisionedInWorker.value) return
    const h = await hashPin(pin)
    ownHash = h
    await kvSet(CLERK_KV.pin, { hash: h, lock: lock.value })
    pinHash.value = pinHashInForce(config.config.clerkPinHash, h)
    open()
  }

  async function tryPin(pin: string): Promise<PinResult> {
    const now = Date.now()
    if (isLocked(lock.value, now) || (!pinHash.value && !provisionedInWorker.value)) return 'locked'
    const ok = provisionedInWorker.value ? (await askProvisionedPin(pin))?.ok === true : await verifyPin(pin, pinHash.value!)
    if (ok) {
      await writeLock(UNLOCKED)
      open()
      return 'ok'
    }
    await writeLock(afterWrongPin(lock.value, Date.now()))
    return isLocked(lock.value, Date.now()) ? 'locked' : 'wrong'
  }

  function open() {
    unlocked.value = true
    kiosk.mode = 'clerk'
    void requestPersistence()
    void loadRecords().then(pumpOutbox)
  }

  function close() {
    unlocked.value = false
    kiosk.mode = 'resident'
  }

  async function requestPersistence() {
    if (persisted.value !== null || !navigator.storage?.persist) return
    try {
      persisted.value = (await navigator.storage.persisted()) || (await navigator.storage.persist())
    } catch {
      persisted.value = false
    }
  }

  // ------------------------------------------------------------ records

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
    const linked = new Map<string, typeof content.notices>()
    for (const n of content.notices) if (n.checklistItem && n.origin !== 'village') linked.set(n.checklistItem, [...(linked.get(n.checklistItem) ?? []), n])
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
    const entry = config.config.clerkUploadUrl ? await entryFor(kind, full, now, {}, opts.photos) : null
    await saveClerkRecord({ kind, record: full, photos: opts.photos, outbox: entry, draftId: opts.draftId, before, now })
    await afterWrite()
    return full
  }

  async function undo(): Promise<UndoNote | null> {
    const note = undoNote.value
    if (!note) return null
    const url = config.config.clerkUploadUrl
    const now = new Date()
    const current = recordById(note.kind, note.recordId)
    let entry: OutboxEntry | null = null
    if (url) {
      // the server hears of the undo as a newer version of the record (or its deletion)
      const version = (current?.version ?? 0) + 1
      entry = note.before ? await entryFor(note.kind, { ...note.before, version }, now) : current ? await entryFor(note.kind, { ...current, version }, now, { deleted: true }) : null
    }
    await applyUndo(note, entry)
    await afterWrite()
    return note
  }

  async function afterWrite() {
    await loadRecords()
    await content.reloadVillageLayer()
    void pumpOutbox()
  }

  // ------------------------------------------------------------ export / import

  async function exportFile(): Promise<{ blob: Blob; name: string }> {
    const { buildVillageExport } = await import('../clerk/exportFormat')
    const layer = await readVillageLayer()
    const v = content.village
    const bytes = await buildVillageExport(layer, { village: v ? { code: v.code, name: v.name } : null })
    const day = todayLocal()
    return { blob: new Blob([bytes as BlobPart], { type: 'application/zip' }), name: `gongkai-${v?.code ?? 'village'}-${day}.zip` }
  }

  /** the checked file waiting for the clerk's confirmation (not reactive: it can hold many photos) */
  let pendingImport: VillageLayer | null = null

  /**
   * Reads and checks an export file fully, writing nothing: what it holds
   * (village, export date, counts) for the clerk to confirm, or why it is refused.
   */
  async function inspectImport(file: Blob): Promise<{ ok: true; summary: ExportSummary } | { ok: false; error: ImportError }> {
    pendingImport = null
    const { parseVillageExport } = await import('../clerk/exportFormat')
    const v = content.village
    const parsed = await parseVillageExport(file, { village: v ? { code: v.code, name: v.name } : null })
    if (!parsed.ok) return parsed
    pendingImport = parsed.layer
    return { ok: true, summary: { village: parsed.village, exportedAt: parsed.exportedAt, counts: parsed.counts } }
  }

  function cancelImport() {
    pendingImport = null
  }

  /** Replaces the village layer with the file inspectImport checked, in one transaction. */
  async function confirmImport(): Promise<boolean> {
    const layer = pendingImport
    if (!layer) return false
    pendingImport = null
    await replaceVillageLayer(layer)
    await afterWrite()
    return true
  }

  // ------------------------------------------------------------ outbox

  /** The photos a record refers to, with their SHA-256, as the console's record body lists them. */
  async function photosOf(record: ClerkRecord, fresh: PhotoRecord[] = []): Promise<OutboxPhoto[]> {
    if (!('photoIds' in record)) return []
    const out: OutboxPhoto[] = []
    for (const id of record.photoIds) {
      const p = fresh.find((x) => x.id === id) ?? (await getPhoto(id))
      // a photo missing on this kiosk is left out: the console then holds the record without it
      if (p) out.push({ id, sha256: await sha256Hex(p.blob), size: p.blob.size, type: p.mimeType })
    }
    return out
  }

  async function entryFor(kind: RecordKind, record: ClerkRecord, now: Date, extra: { deleted?: boolean } = {}, fresh?: PhotoRecord[]): Promise<OutboxEntry> {
    const kioskId = await resolveKioskId(config.config.kioskId)
    const villageCode = config.config.villageCode ?? content.village?.code
    return outboxEntryFor(kind, record, now, { ...extra, kioskId, villageCode, photos: await photosOf(record, fresh) })
  }

  /**
   * Rebuilds the queue from the records: each record the console has not
   * acknowledged at its version and that has no entry is queued again (after
   * an import, or when the outbox store was cleared).
   */
  async function requeueUnacknowledged() {
    if (!config.config.clerkUploadUrl) return
    const r = records.value
    const all = [
      ...r.items.map((record) => ({ kind: 'item' as const, record })),
      ...r.ledger.map((record) => ({ kind: 'ledger' as const, record })),
      ...r.notices.map((record) => ({ kind: 'notice' as const, record })),
    ]
    const queued = (await listOutbox()).map((e) => e.id)
    const acked = new Map((await listUploadAcks()).map((a) => [a.id, a.version]))
    const missing = missingEntries(all, queued, acked)
    if (!missing.length) return
    const now = new Date()
    await queueOutboxEntries(await Promise.all(missing.map(({ kind, record }) => entryFor(kind, record, now))))
  }

  const outboxByKey = computed(() => new Map(outbox.value.map((e) => [e.id, e])))
  const acksByKey = computed(() => new Map(acks.value.map((a) => [a.id, a])))

  /** 已上传 / 等待上传（原因） for one record; null when uploads are not configured. */
  function uploadState(kind: RecordKind, record: ClerkRecord): UploadState | null {
    if (!config.config.clerkUploadUrl) return null
    return uploadStateOf(kind, record, outboxByKey.value, acksByKey.value)
  }

  let pumping = false
  let pumpTimer: ReturnType<typeof setTimeout> | undefined

  /** Sends what is due when online; schedules itself for the next due entry. */
  async function pumpOutbox() {
    const url = config.config.clerkUploadUrl
    if (!url || pumping) return
    pumping = true
    clearTimeout(pumpTimer)
    try {
      const online = useSyncStore().online
      const deps = {
        recordsUrl: new URL(url, config.configUrl).href,
        token: config.config.kioskToken,
        fetch: globalThis.fetch.bind(globalThis),
        readPhoto: async (id: string) => (await getPhoto(id))?.blob,
        now: () => Date.now(),
      }
      for (const e of await listOutbox()) {
        if (!isDue(e, Date.now())) continue
        if (!online) {
          // the reason the clerk sees; the entry is tried as soon as the network is back
          if ((e.lastError as { code?: string } | null)?.code !== 'offline') await settleOutboxEntry(e, { ...e, lastError: uploadError('offline', Date.now()) })
          continue
        }
        const r = await deliver(e, deps)
        const ack = r.sent ? { id: outboxKey(e.kind, e.recordId), kind: e.kind, recordId: e.recordId, version: r.ack.version, at: new Date().toISOString() } : undefined
        await settleOutboxEntry(e, r.sent ? null : r.retry, ack)
        outbox.value = await listOutbox()
        acks.value = await listUploadAcks()
      }
      outbox.value = await listOutbox()
      acks.value = await listUploadAcks()
      const next = nextDueAt(outbox.value)
      if (next !== null && online) pumpTimer = setTimeout(() => void pumpOutbox(), Math.max(1000, next - Date.now()))
    } finally {
      pumping = false
    }
  }

  if (typeof window !== 'undefined') watch(() => useSyncStore().online, (on) => on && void pumpOutbox())

  return {
    pinHash,
    lock,
    locked,
    unlocked,
    needsPinSetup,
    records,
    loaded,
    undoNote,
    outbox,
    acks,
    uploadState,
    persisted,
    items,
    todo,
    onTime,
    today,
    loadPinState,
    loadRecords,
    setPin,
    tryPin,
    open,
    close,
    itemById,
    isOrphan,
    lastPostedOn,
    recordById,
    save,
    undo,
    exportFile,
    inspectImport,
    cancelImport,
    confirmImport,
    pumpOutbox,
  }
})

