/**
 * Keeps every feed source in sync: on start, every poll interval, at once when
 * the network comes back, and with backoff after failures. Sources are
 * independent: one failing village does not hold up another.
 */
import { nextDelay } from './backoff'
import type { FeedSource } from './applyRevision'
import type { SyncOutcome } from './syncSource'

export interface SchedulerOptions {
  sources: FeedSource[]
  pollMs: number
  run: (source: FeedSource) => Promise<SyncOutcome>
  onOutcome?: (source: FeedSource, outcome: SyncOutcome) => void
  random?: () => number
  /** where `online` events come from (window in the app) */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>
}

export interface SyncScheduler {
  /** sync now (one source or all), without waiting for the timer */
  syncNow(sourceId?: string): Promise<void>
  stop(): void
}

export function startSyncScheduler(o: SchedulerOptions): SyncScheduler {
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  const running = new Map<string, Promise<void>>()
  const failures = new Map<string, number>()
  let stopped = false

  const schedule = (s: FeedSource) => {
    clearTimeout(timers.get(s.id))
    if (stopped) return
    const delay = nextDelay(failures.get(s.id) ?? 0, { pollMs: o.pollMs, maxMs: Math.max(o.pollMs, 30 * 60_000), random: o.random })
    timers.set(s.id, setTimeout(() => void cycle(s), delay))
  }

  const cycle = (s: FeedSource): Promise<void> => {
    const inFlight = running.get(s.id)
    if (inFlight) return inFlight
    clearTimeout(timers.get(s.id))
    const p = (async () => {
      let outcome: SyncOutcome
      try {
        outcome = await o.run(s)
      } catch (e) {
        outcome = { kind: 'failed', error: e as never }
      }
      failures.set(s.id, outcome.kind === 'failed' ? (failures.get(s.id) ?? 0) + 1 : 0)
      if (!stopped) o.onOutcome?.(s, outcome)
    })().finally(() => {
      running.delete(s.id)
      schedule(s)
    })
    running.set(s.id, p)
    return p
  }

  const onOnline = () => {
    for (const s of o.sources) {
      failures.set(s.id, 0)
      void cycle(s)
    }
  }
  o.events?.addEventListener('online', onOnline)
  for (const s of o.sources) void cycle(s)

  return {
    async syncNow(sourceId) {
      await Promise.all(o.sources.filter((s) => !sourceId || s.id === sourceId).map(cycle))
    },
    stop() {
      stopped = true
      o.events?.removeEventListener('online', onOnline)
      for (const t of timers.values()) clearTimeout(t)
    },
  }
}
