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
import { shownGate } from './shownGate'

const post = (m: FromSyncWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer)
/** stands in for `window` as the scheduler's source of `online` events */
const events = new EventTarget()
let scheduler: SyncScheduler | null = null

/** the search index of a revision waits for the page to have shown it (shownGate.ts), 3 s at most */
const gate = shownGate(3000)

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
      /** the page has shown what went live (or it was not handed over): the search index may take the CPU now */
      let shown: Promise<void> = Promise.resolve()
      const outcome = await syncSource(s, {
        timeoutMs: settings.timeoutMs,
        maxBytes: settings.maxBytes,
        // the index is built after the page has painted the new board, not beside it: on a two-core kiosk the
        // two took turns on the cores and the board painted later (the index stage's time includes this wait)
        buildIndex: async (content) => {
          await shown
          return buildSearchIndexLazily(content)
        },
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
          if (table) shown = gate.untilShown(s.id, record.revision)
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
  else if (m.type === 'shown') gate.shown(m.sourceId, m.revision)
  else if (m.type === 'stop') {
    scheduler?.stop()
    scheduler = null
  } else if (m.type === 'syncNow') void (scheduler?.syncNow(m.sourceId) ?? Promise.resolve()).finally(() => post({ type: 'synced', id: m.id }))
})
post({ type: 'ready' })
