/** Runs the sync scheduler and exposes each source's sync state for #/status and the home screen. */
import { defineStore } from 'pinia'
import { shallowRef, triggerRef } from 'vue'
import { getSyncState, type SyncStateRecord } from '../db'
import type { SyncScheduler } from '../sync/scheduler'
import { useConfigStore } from './config'
import { useContentStore } from './content'

export const useSyncStore = defineStore('sync', () => {
  /** sync bookkeeping per source id */
  const states = shallowRef(new Map<string, SyncStateRecord>())
  /** navigator.onLine, kept current */
  const online = shallowRef(typeof navigator === 'undefined' ? true : navigator.onLine)
  let scheduler: SyncScheduler | null = null

  async function refreshState(sourceId: string) {
    states.value.set(sourceId, await getSyncState(sourceId))
    triggerRef(states)
  }

  /** Starts background sync. The sync engine (validation, apply) loads on demand: the first screen does not need it. */
  async function start() {
    const cfg = useConfigStore()
    const content = useContentStore()
    window.addEventListener('online', () => (online.value = true))
    window.addEventListener('offline', () => (online.value = false))
    scheduler?.stop()
    const sources = cfg.sources
    for (const s of sources) void refreshState(s.id)
    if (!sources.length) return
    const settings = { sources, pollMs: cfg.config.pollSeconds * 1000, timeoutMs: cfg.config.fetchTimeoutSeconds * 1000, maxBytes: cfg.config.maxFeedBytes }
    // no (module) worker support: the same engine on the main thread
    const startInPlace = async () => {
      const [{ syncSource }, { startSyncScheduler }] = await Promise.all([import('../sync/syncSource'), import('../sync/scheduler')])
      scheduler = startSyncScheduler({
        sources,
        pollMs: cfg.config.pollSeconds * 1000,
        events: window,
        run: (s) =>
          syncSource(s, {
            timeoutMs: cfg.config.fetchTimeoutSeconds * 1000,
            maxBytes: cfg.config.maxFeedBytes,
            // the search index is built in its own worker and stored with the revision
            buildIndex: async (c) => (await import('../search/buildInWorker')).buildIndexForRevision(c),
          }),
        onOutcome: async (s, outcome) => {
          if (outcome.kind === 'applied') await content.loadAll(sources.map((x) => x.id))
          await refreshState(s.id)
        },
      })
    }
    if (typeof Worker === 'undefined') return startInPlace()
    // fetch, validation, indexing and commit run in a worker (src/sync/sync.worker.ts): a big feed never blocks a tap
    const { startSyncWorker } = await import('../sync/syncWorkerClient')
    scheduler = startSyncWorker(settings, { onApplied: () => content.loadAll(sources.map((x) => x.id)), onState: refreshState, onUnavailable: () => void startInPlace() })
  }

  function syncNow() {
    return scheduler?.syncNow()
  }

  return { states, online, start, syncNow, refreshState }
})
