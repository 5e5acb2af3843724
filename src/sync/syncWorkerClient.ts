/**
 * Main-thread side of the sync worker: starts it, forwards the window's
 * `online` events and sync-now requests, and reports what the worker did.
 * Leaves `gongkai:sync-applied` and `gongkai:sync-state-<outcome>` measures for bench/.
 */
import type { FromSyncWorker, SyncSettings, ToSyncWorker } from './syncProtocol'

export interface SyncWorkerHandlers {
  onApplied(sourceId: string, revision: number): Promise<void> | void
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

  worker.addEventListener('message', (e: MessageEvent<FromSyncWorker>) => {
    const m = e.data
    const received = performance.now()
    if (m.type === 'ready') ready = true
    else if (m.type === 'synced') {
      pending.get(m.id)?.()
      pending.delete(m.id)
    } else if (m.type === 'applied') {
      void Promise.resolve(h.onApplied(m.sourceId, m.revision)).then(() => measure('gongkai:sync-applied', received, m.ms, m.stages))
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

/** A measure from the worker's start of the cycle (`ms` before `received`) to now: the main thread's follow-up (reload) is included. */
function measure(name: string, received: number, ms: number, stages?: Record<string, number>) {
  try {
    const end = performance.now()
    performance.measure(name, { start: Math.max(0, received - ms), end, detail: { workerMs: ms, mainMs: end - received, stages } })
  } catch {
    // older engines without measure options: the bench needs them, the kiosk does not
  }
}
