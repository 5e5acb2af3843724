/**
 * The hall machine's health at run time: asks for persistent storage, keeps
 * the storage figures fresh, runs the heartbeat when statusUrl is set, and
 * collects the facts that #/status shows and the heartbeat sends (the same
 * facts, so a technician at the screen sees what the township sees).
 * Loaded after start-up (bootstrap.ts); the first screen does not need it.
 */
import { shallowRef, watch, type WatchStopHandle } from 'vue'
import { countHeartbeats, listSyncStates } from '../db'
import { resolveKioskId } from './kioskId'

export { resolveKioskId } from './kioskId'
import { useConfigStore } from '../stores/config'
import { useContentStore } from '../stores/content'
import { checkClock } from './clockSanity'
import { buildHeartbeat, startHeartbeat, type FlushResult, type Heartbeat, type HeartbeatFacts, type HeartbeatLoop, type SourceHealth } from './heartbeat'
import { readStorage, requestPersistence, type StorageReport } from './storage'
import { ensureLocale, i18n, messagesReady } from '../modules/i18n'
import { syncErrorMessage } from '../sync/errors'

const STORAGE_REFRESH_MS = 10 * 60_000

export const storage = shallowRef<StorageReport | null>(null)
export const lastSend = shallowRef<(FlushResult & { at: string }) | null>(null)
export const queued = shallowRef(0)
export const kioskId = shallowRef<string | null>(null)

let loop: HeartbeatLoop | null = null
let stopRevisionWatch: WatchStopHandle | undefined
let storageTimer: ReturnType<typeof setInterval> | undefined


export async function refreshStorage(): Promise<StorageReport> {
  storage.value = await readStorage()
  queued.value = await countHeartbeats().catch(() => 0)
  return storage.value
}

export async function collectFacts(now = new Date()): Promise<HeartbeatFacts> {
  const config = useConfigStore()
  const content = useContentStore()
  const states = new Map((await listSyncStates()).map((s) => [s.sourceId, s]))
  // heartbeat format 1 carries the error's words in both languages (docs/heartbeat.md): the same sync.json texts #/status shows
  // (a chunk that fails to load leaves the source locale's words, or the code: the heartbeat still goes)
  if ([...states.values()].some((s) => s.lastError)) await Promise.all([messagesReady(['sync']), ensureLocale('en')]).catch(() => undefined)
  // typed loosely: vue-i18n's key inference over the messages recurses forever
  const { t } = i18n.global as unknown as { t: (key: string, params: Record<string, unknown>, opts: { locale: string }) => string }
  const words = (code: string, locale: string) => t(syncErrorMessage(code).code, {}, { locale })
  const sources: SourceHealth[] = config.sources.map((s) => {
    const record = content.bySource.get(s.id)?.record
    const st = states.get(s.id)
    const e = st?.lastError
    return {
      id: s.id,
      village: record?.village.name ?? null,
      revision: record?.revision ?? null,
      generatedAt: record?.generatedAt ?? null,
      lastSuccessfulSync: st?.lastSuccessAt ?? null,
      lastError: e ? { code: e.code, zh: words(e.code, 'zh-CN'), en: words(e.code, 'en'), at: e.at } : null,
    }
  })
  const report = await refreshStorage()
  kioskId.value = await resolveKioskId(config.config.kioskId)
  return {
    kioskId: kioskId.value,
    appVersion: __APP_VERSION__,
    sources,
    storageUsed: report.usage,
    storageQuota: report.quota,
    uptimeSeconds: performance.now() / 1000,
    clockOk: !checkClock(now, sources.map((s) => s.generatedAt)).wrong,
    now,
  }
}

/** The heartbeat as it would be sent now (for #/status and its QR code). */
export async function currentHeartbeat(): Promise<Heartbeat> {
  return buildHeartbeat(await collectFacts())
}

export async function startFleet() {
  void requestPersistence()
  void refreshStorage()
  clearInterval(storageTimer)
  storageTimer = setInterval(() => void refreshStorage(), STORAGE_REFRESH_MS)
  const config = useConfigStore()
  kioskId.value = await resolveKioskId(config.config.kioskId)
  loop?.stop()
  loop = null
  stopRevisionWatch?.()
  const url = config.config.statusUrl
  if (!url) return
  loop = startHeartbeat({
    url: new URL(url, config.configUrl).href,
    // the token goes into the body only as it is sent: never into what #/status shows or its QR code
    token: config.config.kioskToken,
    collect: () => collectFacts(),
    isOnline: () => navigator.onLine,
    events: window,
    onResult: (r) => {
      lastSend.value = r
      queued.value = r.left
    },
  })
  // the first one right after start: a restarted kiosk shows up at once
  void loop.beat().catch(() => undefined)
  // a new live revision is news for the township's fleet page: report it now, not at the next beat (10 min)
  const content = useContentStore()
  stopRevisionWatch = watch(
    () => config.sources.map((s) => content.bySource.get(s.id)?.record?.revision ?? null).join(','),
    () => void loop?.beat().catch(() => undefined),
  )
}
