/**
 * The sync engine in a dedicated module worker: fetch, verify, validate,
 * normalise, commit and index all run here, so a big feed never blocks a
 * resident's tap. What goes live is posted to the page in parts while it
 * commits and shown on `live` (syncProtocol.ts), so the page never reads it
 * back from IndexedDB.
 */
import { startSyncScheduler, type SyncScheduler } from './scheduler'
import { syncSource } from './syncSource'
import type { FromSyncWorker, SyncSettings, ToSyncWorker } from './syncProtocol'
import { buildSearchIndexLazily } from '../search/buildLazily'
import { asNoticeRecords } from '../db/noticeChunks'
import { byBoardOrder } from '../notice/window'
import { noticeSummary } from '../notice/summary'
import { tableOf, tableTransfer } from '../notice/noticeTable'

const post = (m: FromSyncWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer)
/** stands in for `window` as the scheduler's source of `online` events */
const events = new EventTarget()
let scheduler: SyncScheduler | null = null
/** notices per hand-over message, each one task on the page: a part of 1,000 and the young-generation collection it met took 54 ms at 4× CPU in Chromium 109; with 250 no part reached 50 ms in the bench's runs */
const HANDOVER_PART = 250

function start(settings: SyncSettings) {
  scheduler?.stop()
  scheduler = startSyncScheduler({
    sources: settings.sources,
    pollMs: settings.pollMs,
    events,
    run: async (s) => {
      const t0 = performance.now()
      let stages: Record<string, number> | undefined
      let posted: { revision: number; parts: number } | null = null
      const outcome = await syncSource(s, {
        timeoutMs: settings.timeoutMs,
        maxBytes: settings.maxBytes,
        buildIndex: buildSearchIndexLazily,
        onStages: (t) => (stages = t),
        // the notices' summaries (what the page holds: notice/summary.ts) are posted while the transaction commits,
        // in board order (the page's sort then finds them sorted); the page shows them only on `live`, when the commit is done
        whileCommitting: ({ revision, chunks }) => {
          const notices = chunks.flatMap((c) => asNoticeRecords(c).map((n) => noticeSummary(n, c.chunk))).sort(byBoardOrder)
          const parts = Math.ceil(notices.length / HANDOVER_PART)
          for (let part = 0; part < parts; part++) {
            // each message is deserialised in a task of its own on the page (no yielding here: a worker's
            // setTimeout(0) is clamped to 4 ms after a few, which stretched 100 parts over ≈ 470 ms)
            const table = tableOf(notices.slice(part * HANDOVER_PART, (part + 1) * HANDOVER_PART))
            post({ type: 'liveNotices', sourceId: s.id, revision, part, table }, tableTransfer(table))
          }
          posted = { revision, parts }
        },
        onLive: ({ record }) => {
          // -1: the notices were not posted (the page reads them from IndexedDB on `applied`)
          post({ type: 'live', sourceId: s.id, revision: record.revision, record, parts: posted?.revision === record.revision ? posted.parts : -1 })
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
