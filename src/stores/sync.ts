/** Runs the sync worker and exposes each source's sync state for #/status and the home screen. */
import { defineStore } from 'pinia'
import { computed, shallowRef, triggerRef } from 'vue'
import { getSyncState, type SyncStateRecord } from '../db'
import type { SyncWorkerClient } from '../sync/syncWorkerClient'
import { useConfigStore } from './config'
import { useContentStore } from './content'

const NO_NETWORK = new Set(['offline', 'network'])

export const useSyncStore = defineStore('sync', () => {
  /** sync bookkeeping per source id */
  const states = shallowRef(new Map<string, SyncStateRecord>())
  /** navigator.onLine, kept current */
  const online = shallowRef(typeof navigator === 'undefined' ? true : navigator.onLine)
  // once per store, not per start(): a restarted sync must not stack listeners
  if (typeof window !== 'undefined') {
    window.addEventListener('online', () => (online.value = true))
    window.addEventListener('offline', () => (online.value = false))
  }
  /**
   * What the header's 未联网 badge shows: online, and not every source's last attempt failed for
   * want of a network. navigator.onLine alone says true on a hall LAN with no way out, and some
   * Chromium builds keep it true after a reload with the network gone.
   */
  const connected = computed(() => {
    if (!online.value) return false
    const all = [...states.value.values()]
    return !all.length || !all.every((s) => NO_NETWORK.has(s.lastError?.code ?? ''))
  })
  let worker: SyncWorkerClient | null = null

  async function refreshState(sourceId: string) {
    states.value.set(sourceId, await getSyncState(sourceId))
    triggerRef(states)
  }

  /**
   * Starts background sync in its worker (src/sync/sync.worker.ts: fetch, validation, indexing and
   * commit off the main thread, so a big feed never blocks a tap). The worker's code loads on demand:
   * the first screen does not need it. Every kiosk browser (Chromium 109 and later) has module workers:
   * there is no second engine on the main thread.
   */
  async function start() {
    const cfg = useConfigStore()
    const content = useContentStore()
    worker?.stop()
    worker = null
    const sources = cfg.sources
    for (const s of sources) void refreshState(s.id)
    if (!sources.length) return
    const settings = { sources, pollMs: cfg.config.pollSeconds * 1000, timeoutMs: cfg.config.fetchTimeoutSeconds * 1000, maxBytes: cfg.config.maxFeedBytes }
    const unavailable = () => console.error('the sync worker could not start: stored content stays, no new content arrives')
    if (typeof Worker === 'undefined') return unavailable()
    const { startSyncWorker } = await import('../sync/syncWorkerClient')
    worker = startSyncWorker(settings, {
      // the worker hands over what went live; only if that did not arrive whole is the one source read again
      onLive: (sourceId, c) => content.setLive(sourceId, c),
      onApplied: (sourceId, _revision, handedOver) => (handedOver ? undefined : content.reload(sourceId)),
      onState: refreshState,
      onUnavailable: unavailable,
    })
  }

  function syncNow() {
    return worker?.syncNow()
  }

  return { states, online, connected, start, syncNow, refreshState }
})
