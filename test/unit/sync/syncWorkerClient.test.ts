// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startSyncWorker } from '../../../src/sync/syncWorkerClient'
import type { ToSyncWorker } from '../../../src/sync/syncProtocol'
import type { NoticeRecord, RevisionRecord } from '../../../src/db'
import { FakeSyncWorker as FakeWorker } from '../../support/fakeSyncWorker'
import { tableOf } from '../../../src/notice/noticeTable'
import { allRows } from '../../../src/notice/noticeRows'
import type { NoticeSummary } from '../../../src/notice/summary'

/** summaries as the worker posts them: in a table, through structured clone */
const crossing = (list: unknown[]) => structuredClone(tableOf((list as NoticeSummary[]).map((n) => Object.assign({ title: n.id, category: 'c' }, n))))

const settings = { sources: [{ id: 'v1', url: 'https://town.example/feed.json' }], pollMs: 300_000, timeoutMs: 30_000, maxBytes: 1 << 20 }

beforeEach(() => vi.stubGlobal('Worker', FakeWorker))
afterEach(() => vi.unstubAllGlobals())

describe('sync worker client', () => {
  it('starts the worker with plain settings and forwards the window’s online events', () => {
    const client = startSyncWorker(settings, { onApplied: () => undefined, onState: () => undefined })
    const w = FakeWorker.last
    expect(w.sent[0]).toEqual({ type: 'start', settings })
    window.dispatchEvent(new Event('online'))
    expect(w.sent.at(-1)).toEqual({ type: 'online' })
    client.stop()
    expect(w.sent.at(-1)).toEqual({ type: 'stop' })
    expect(w.terminated).toBe(true)
    // after stop, online events go nowhere
    window.dispatchEvent(new Event('online'))
    expect(w.sent.filter((m) => m.type === 'online')).toHaveLength(1)
  })

  it('reloads content when a revision went live, and refreshes the state after every cycle', async () => {
    const applied: string[] = []
    const states: string[] = []
    startSyncWorker(settings, { onApplied: (id, rev) => void applied.push(`${id}@${rev}`), onState: (id) => void states.push(id) })
    FakeWorker.last.reply({ type: 'applied', sourceId: 'v1', revision: 7, ms: 12 })
    FakeWorker.last.reply({ type: 'state', sourceId: 'v1', outcome: 'applied', ms: 12 })
    FakeWorker.last.reply({ type: 'state', sourceId: 'v1', outcome: 'not-modified', ms: 3 })
    expect(applied).toEqual(['v1@7'])
    expect(states).toEqual(['v1', 'v1'])
  })

  it('shows what went live from the worker’s table, without a re-read; reads it again only when the worker had no table', async () => {
    const live: string[] = []
    const applied: string[] = []
    startSyncWorker(settings, { onLive: (id, c) => void live.push(`${id}@${c.record.revision}: ${allRows(c.notices).map((n) => n.id).join(',')}`), onApplied: (id, rev, whole) => void applied.push(`${id}@${rev} ${whole ? 'handed over' : 'read again'}`), onState: () => undefined })
    const w = FakeWorker.last
    const record = { sourceId: 'v1', revision: 8 } as RevisionRecord
    const notice = (id: string) => ({ id, sourceId: 'v1', revision: 8 }) as NoticeRecord
    w.reply({ type: 'live', sourceId: 'v1', revision: 8, record, notices: crossing([notice('a'), notice('b'), notice('c')]) })
    expect(live).toEqual(['v1@8: a,b,c'])
    w.reply({ type: 'applied', sourceId: 'v1', revision: 8, ms: 30 })
    // the worker made no table (its summaries failed): nothing is shown from the message, and the store reads it from IndexedDB
    w.reply({ type: 'live', sourceId: 'v1', revision: 9, record: { ...record, revision: 9 }, notices: null })
    w.reply({ type: 'applied', sourceId: 'v1', revision: 9, ms: 30 })
    expect(live).toEqual(['v1@8: a,b,c'])
    // a revision without notices
    w.reply({ type: 'live', sourceId: 'v1', revision: 11, record: { ...record, revision: 11 }, notices: crossing([]) })
    w.reply({ type: 'applied', sourceId: 'v1', revision: 11, ms: 30 })
    await Promise.resolve()
    expect(live).toEqual(['v1@8: a,b,c', 'v1@11: '])
    expect(applied).toEqual(['v1@8 handed over', 'v1@9 read again', 'v1@11 handed over'])
  })

  it('says the worker is unavailable when it fails before it ran (old engine without module workers), not after', () => {
    let unavailable = 0
    startSyncWorker(settings, { onApplied: () => undefined, onState: () => undefined, onUnavailable: () => unavailable++ })
    const failing = FakeWorker.last
    failing.dispatchEvent(new Event('error', { cancelable: true }))
    expect(unavailable).toBe(1)
    expect(failing.terminated).toBe(true)

    startSyncWorker(settings, { onApplied: () => undefined, onState: () => undefined, onUnavailable: () => unavailable++ })
    const running = FakeWorker.last
    running.reply({ type: 'ready' })
    running.dispatchEvent(new Event('error', { cancelable: true }))
    expect(unavailable).toBe(1)
    expect(running.terminated).toBe(false)
  })

  it('syncNow resolves when the worker says that cycle is done', async () => {
    const client = startSyncWorker(settings, { onApplied: () => undefined, onState: () => undefined })
    let done = false
    const p = client.syncNow('v1').then(() => (done = true))
    const req = FakeWorker.last.sent.at(-1) as Extract<ToSyncWorker, { type: 'syncNow' }>
    expect(req).toMatchObject({ type: 'syncNow', sourceId: 'v1' })
    await Promise.resolve()
    expect(done).toBe(false)
    FakeWorker.last.reply({ type: 'synced', id: req.id })
    await p
    expect(done).toBe(true)
  })

  it('tells the worker once the page has shown a handed-over revision and is idle, so its search index is built then', async () => {
    const idle: (() => void)[] = []
    vi.stubGlobal('requestIdleCallback', (cb: () => void) => idle.push(cb))
    startSyncWorker(settings, { onLive: () => undefined, onApplied: () => undefined, onState: () => undefined })
    const w = FakeWorker.last
    const record = { sourceId: 'v1', revision: 8 } as RevisionRecord
    w.reply({ type: 'live', sourceId: 'v1', revision: 8, record, notices: crossing([{ id: 'a', sourceId: 'v1', revision: 8 }]) })
    expect(w.sent.some((m) => m.type === 'shown')).toBe(false)
    for (const cb of idle.splice(0)) cb()
    expect(w.sent.filter((m) => m.type === 'shown')).toEqual([{ type: 'shown', sourceId: 'v1', revision: 8 }])
    // nothing handed over, nothing shown: the worker does not wait for it
    w.reply({ type: 'live', sourceId: 'v1', revision: 9, record: { ...record, revision: 9 }, notices: null })
    for (const cb of idle.splice(0)) cb()
    expect(w.sent.filter((m) => m.type === 'shown')).toHaveLength(1)
  })
})
