/**
 * The sync engine in a dedicated module worker: fetch, verify, validate,
 * normalise, commit and index all run here, so a big feed never blocks a
 * resident's tap. What goes live is handed to the page with `live`
 * (syncProtocol.ts), so the page never reads it back from IndexedDB.
 */
import { startSyncScheduler, type SyncScheduler } from './scheduler'
import { syncSource } from './syncSource'
import type { FromSyncWorker, SyncSettings, ToSyncWorker } from './syncProtocol'
import { buildSearchIndexLazily } from '../search/buildLazily'
import { asNoticeRecords } from '../db/noticeChunks'
import { byBoardOrder } from '../notice/window'
import { noticeSummary } from '../notice/summary'
import { tableOf, tableTransfer, type NoticeTable } from '../notice/noticeTable'

const post = (m: FromSyncWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer)
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
      // the summaries of what is committing, made while the transaction commits, handed over with `live`
      let handOver: { revision: number; table: NoticeTable } | null = null
      /** ms the summaries took, inside the commit stage (bench/: what of the commit is the worker's own work) */
      let summariesMs: number | undefined
      const outcome = await syncSource(s, {
        timeoutMs: settings.timeoutMs,
        maxBytes: settings.maxBytes,
        buildIndex: buildSearchIndexLazily,
        onStages: (t) => (stages = summariesMs === undefined ? t : { ...t, summaries: summariesMs }),
        // the notices' summaries (what the page holds: notice/summary.ts), in board order (the page's sort then finds them sorted)
        whileCommitting: ({ revision, chunks }) => {
          const t = performance.now()
          const notices = chunks.flatMap((c) => asNoticeRecords(c).map((n) => noticeSummary(n, c.chunk))).sort(byBoardOrder)
          handOver = { revision, table: tableOf(notices) }
          summariesMs = performance.now() - t
        },
        onLive: ({ record }) => {
          // one message: the table's arrays are moved, not copied, so the page takes it in at once;
          // null when the summaries were not made (the page reads them from IndexedDB on `applied`)
          const table = handOver?.revision === record.revision ? handOver.table : null
          handOver = null
          post({ type: 'live', sourceId: s.id, revision: record.revision, record, notices: table }, table ? tableTransfer(table) : [])
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
