/**
 * Main-thread side of the sync worker: starts it, forwards the window's
 * `online` events and sync-now requests, and reports what the worker did:
 * the content that went live, gathered from its messages.
 * Leaves `gongkai:sync-applied` and `gongkai:sync-state-<outcome>` measures for bench/.
 */
import type { RevisionRecord } from '../db/schema'
import type { NoticeTable } from '../notice/noticeTable'
import type { FromSyncWorker, SyncSettings, ToSyncWorker } from './syncProtocol'
import { whenIdle } from '../perf/whenIdle'

/** the latest the page says it has shown a revision (`shown`), however busy it stays */
const SHOWN_WITHIN_MS = 1000

/** what went live: the record, and the notices' summaries in a table (their bodies stay in IndexedDB) */
export interface LiveContent {
  record: RevisionRecord
  notices: NoticeTable
}


export interface SyncWorkerHandlers {
  /** a revision went live and all of it arrived: show it */
  onLive?(sourceId: string, content: LiveContent): void
  /** the cycle that made `revision` live ended; `handedOver` is false when its content did not arrive whole (read it from IndexedDB) */
  onApplied(sourceId: string, revision: number, handedOver: boolean): Promise<void> | void
  onState(sourceId: string): Promise<void> | void
  /** the worker could not start (its script failed to load): no sync runs, stored content stays */
  onUnavailable?(): void
}

export interface SyncWorkerClient {
  syncNow(sourceId?: string): Promise<void>
  stop(): void
}

export function startSyncWorker(settings: SyncSettings, h: SyncWorkerHandlers): SyncWorkerClient {
  const worker = new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module', name: 'gongkai-sync' })
  const send = (m: ToSyncWorker) => worker.postMessage(m)
  const pending = new Map<number, () => void>()
  let nextId = 1
  let ready = false
  /** the revision each source last had handed over whole, and the main thread's time taking it over */
  const handedOver = new Map<string, { revision: number; at: number; mainMs: number }>()

  worker.addEventListener('message', (e: MessageEvent<FromSyncWorker>) => {
    const m = e.data
    const received = performance.now()
    if (m.type === 'ready') ready = true
    else if (m.type === 'synced') {
      pending.get(m.id)?.()
      pending.delete(m.id)
    } else if (m.type === 'live') {
      // committed: show it, in this message's own task
      if (!m.notices) return
      h.onLive?.(m.sourceId, { record: m.record, notices: m.notices })
      handedOver.set(m.sourceId, { revision: m.revision, at: received, mainMs: performance.now() - received })
      // once the new board has painted and the page is idle, the worker may build the search index
      whenIdle(() => send({ type: 'shown', sourceId: m.sourceId, revision: m.revision }), SHOWN_WITHIN_MS)
    } else if (m.type === 'applied') {
      const live = handedOver.get(m.sourceId)
      const whole = live?.revision === m.revision
      void Promise.resolve(h.onApplied(m.sourceId, m.revision, whole)).then(() => measure('gongkai:sync-applied', received, m.ms, m.stages, whole ? live : undefined))
    } else if (m.type === 'state') {
      void Promise.resolve(h.onState(m.sourceId)).then(() => measure(`gongkai:sync-state-${m.outcome}`, received, m.ms))
    }
  })
  const onOnline = () => send({ type: 'online' })
  window.addEventListener('online', onOnline)
  worker.addEventListener('error', (e) => {
    if (ready) return
    e.preventDefault()
    client.stop()
    h.onUnavailable?.()
  })
  // structured clone refuses Vue proxies: send plain copies
  send({ type: 'start', settings: JSON.parse(JSON.stringify(settings)) as SyncSettings })

  const client: SyncWorkerClient = {
    syncNow(sourceId) {
      const id = nextId++
      return new Promise<void>((resolve) => {
        pending.set(id, resolve)
        send({ type: 'syncNow', id, sourceId })
      })
    },
    stop() {
      window.removeEventListener('online', onOnline)
      send({ type: 'stop' })
      worker.terminate()
      for (const r of pending.values()) r()
      pending.clear()
    },
  }
  return client
}

/**
 * A measure from the worker's start of the cycle (`ms` before `received`) to now. `mainMs` is the
 * main thread's part: taking over the content (the `live` message's task, which began at `liveAt`),
 * else what followed `received`. Only the newest measure of a name is kept: a kiosk polls for weeks.
 */
function measure(name: string, received: number, ms: number, stages?: Record<string, number>, live?: { at: number; mainMs: number }) {
  try {
    const end = performance.now()
    performance.clearMeasures(name)
    performance.measure(name, { start: Math.max(0, received - ms), end, detail: { workerMs: ms, mainMs: live?.mainMs ?? end - received, liveAt: live?.at, stages } })
  } catch {
    // older engines without measure options: the bench needs them, the kiosk does not
  }
}
