/**
 * The sync engine in a dedicated module worker: fetch, verify, validate,
 * normalise, commit and index all run here, so a big feed never blocks a
 * resident's tap. What went live is posted to the page chunk by chunk
 * (syncProtocol.ts `live`), so the page never reads it back from IndexedDB.
 */
import { startSyncScheduler, type SyncScheduler } from './scheduler'
import { syncSource } from './syncSource'
import type { FromSyncWorker, SyncSettings, ToSyncWorker } from './syncProtocol'
import { buildSearchIndexLazily } from '../search/buildLazily'
import { asNoticeRecords } from '../db/noticeChunks'

const post = (m: FromSyncWorker) => (self as unknown as Worker).postMessage(m)
/** stands in for `window` as the scheduler's source of `online` events */
const events = new EventTarget()
let scheduler: SyncScheduler | null = null

function start(settings: SyncSettings) {
  scheduler?.stop()
  scheduler = startSyncScheduler({
    sources: settings.sources,
    pollMs: settings.pollMs,
    events,
    run: async (s) => {
      const t0 = performance.now()
      let stages: Record<string, number> | undefined
      const outcome = await syncSource(s, {
        timeoutMs: settings.timeoutMs,
        maxBytes: settings.maxBytes,
        buildIndex: buildSearchIndexLazily,
        onStages: (t) => (stages = t),
        onLive: ({ record, chunks }) => {
          post({ type: 'live', sourceId: s.id, revision: record.revision, record, chunks: chunks.length })
          chunks.forEach((c, chunk) => post({ type: 'liveNotices', sourceId: s.id, revision: record.revision, chunk, notices: asNoticeRecords(c) }))
        },
      })
      const ms = performance.now() - t0
      if (outcome.kind === 'applied') post({ type: 'applied', sourceId: s.id, revision: outcome.revision, ms, stages })
      post({ type: 'state', sourceId: s.id, outcome: outcome.kind, ms })
      return outcome
    },
  })
}

self.addEventListener('message', (e: MessageEvent<ToSyncWorker>) => {
  const m = e.data
  if (m.type === 'start') start(m.settings)
  else if (m.type === 'online') events.dispatchEvent(new Event('online'))
  else if (m.type === 'stop') {
    scheduler?.stop()
    scheduler = null
  } else if (m.type === 'syncNow') void (scheduler?.syncNow(m.sourceId) ?? Promise.resolve()).finally(() => post({ type: 'synced', id: m.id }))
})
post({ type: 'ready' })
