import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startSyncScheduler } from '../../../src/sync/scheduler'
import { nextDelay } from '../../../src/sync/backoff'
import { SyncError } from '../../../src/sync/errors'
import type { SyncOutcome } from '../../../src/sync/syncSource'

describe('nextDelay', () => {
  it('waits the poll interval after a success', () => {
    expect(nextDelay(0, { pollMs: 300_000 })).toBe(300_000)
  })
  it('backs off exponentially with jitter, up to the cap', () => {
    const at = (n: number, r: number) => nextDelay(n, { pollMs: 300_000, baseMs: 10_000, maxMs: 80_000, random: () => r })
    expect([at(1, 0), at(1, 1)]).toEqual([5_000, 10_000])
    expect([at(2, 0), at(2, 1)]).toEqual([10_000, 20_000])
    expect([at(3, 1), at(4, 1), at(9, 1)]).toEqual([40_000, 80_000, 80_000])
  })
})

describe('startSyncScheduler', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  const src = (id: string) => ({ id, url: `https://x/${id}.json` })

  it('syncs at start and then every poll interval', async () => {
    const run = vi.fn(async (): Promise<SyncOutcome> => ({ kind: 'not-modified' }))
    const s = startSyncScheduler({ sources: [src('a')], pollMs: 1000, run })
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(3000)
    expect(run).toHaveBeenCalledTimes(4)
    s.stop()
    await vi.advanceTimersByTimeAsync(5000)
    expect(run).toHaveBeenCalledTimes(4)
  })

  it('retries a failing source with growing delays, independently of a healthy one', async () => {
    const calls: Record<string, number[]> = { a: [], b: [] }
    const run = vi.fn(async (s: { id: string }): Promise<SyncOutcome> => {
      calls[s.id]!.push(Date.now())
      return s.id === 'a' ? { kind: 'failed', error: new SyncError('network') } : { kind: 'not-modified' }
    })
    const s = startSyncScheduler({ sources: [src('a'), src('b')], pollMs: 60_000, run, random: () => 1 })
    await vi.advanceTimersByTimeAsync(15_000 + 30_000 + 60_000 + 1)
    const gaps = calls.a!.slice(1).map((t, i) => t - calls.a![i]!)
    expect(gaps).toEqual([15_000, 30_000, 60_000])
    expect(calls.b).toHaveLength(2)
    s.stop()
  })

  it('syncs at once when the network comes back', async () => {
    const events = new EventTarget()
    const run = vi.fn(async (): Promise<SyncOutcome> => ({ kind: 'not-modified' }))
    const s = startSyncScheduler({ sources: [src('a')], pollMs: 600_000, run, events })
    await vi.advanceTimersByTimeAsync(0)
    events.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(2)
    s.stop()
  })

  it('never runs two syncs of one source at once', async () => {
    let release!: () => void
    const run = vi.fn(() => new Promise<SyncOutcome>((r) => (release = () => r({ kind: 'not-modified' }))))
    const s = startSyncScheduler({ sources: [src('a')], pollMs: 1000, run })
    void s.syncNow()
    void s.syncNow()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    release()
    s.stop()
  })
})
