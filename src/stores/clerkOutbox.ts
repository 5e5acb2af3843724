/**
 * The clerk upload outbox: entries built from records (with their photos'
 * SHA-256), the queue rebuilt from what the console has not acknowledged, and
 * the pump that sends what is due when online and times the next attempt.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { storeWatch } from './storeWatch'
import { getPhoto, listOutbox, listUploadAcks, queueOutboxEntries, settleOutboxEntry, type ClerkRecords } from '../db'
import type { ClerkRecord, PhotoRecord, RecordKind } from '../clerk/model'
import { isDue, missingEntries, nextDueAt, outboxEntryFor, outboxKey, uploadStateOf, type OutboxEntry, type OutboxPhoto, type UploadAck, type UploadState } from '../clerk/outbox'
import { deliver } from '../clerk/upload'
import { uploadError } from '../clerk/uploadErrors'
import { sha256Hex } from '../sync/hash'
import { resolveKioskId } from '../fleet/kioskId'
import { useConfigStore } from './config'
import { useContentStore } from './content'
import { useSyncStore } from './sync'

export const useClerkOutboxStore = defineStore('clerkOutbox', () => {
  const config = useConfigStore()
  const content = useContentStore()
  const outbox = shallowRef<OutboxEntry[]>([])
  const acks = shallowRef<UploadAck[]>([])
  /** uploads are configured for this kiosk */
  const enabled = computed(() => !!config.config.clerkUploadUrl)

  async function refresh() {
    outbox.value = await listOutbox()
    acks.value = await listUploadAcks()
  }

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
  async function requeueUnacknowledged(r: ClerkRecords) {
    if (!enabled.value) return
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
    if (!enabled.value) return null
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
        await refresh()
      }
      await refresh()
      const next = nextDueAt(outbox.value)
      if (next !== null && online) pumpTimer = setTimeout(() => void pumpOutbox(), Math.max(1000, next - Date.now()))
    } finally {
      pumping = false
    }
  }

  /** Stops the timed retry (the store is being torn down, e.g. between tests). */
  function stop() {
    clearTimeout(pumpTimer)
    pumpTimer = undefined
  }

  // once per store: the network coming back sends what waited
  if (typeof window !== 'undefined') storeWatch(() => useSyncStore().online, (on) => on && void pumpOutbox())

  return { outbox, acks, enabled, refresh, entryFor, requeueUnacknowledged, uploadState, pumpOutbox, stop }
})
