// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startSyncWorker } from '../../../src/sync/syncWorkerClient'
import type { ToSyncWorker } from '../../../src/sync/syncProtocol'
import type { NoticeRecord, RevisionRecord } from '../../../src/db'
import { FakeSyncWorker as FakeWorker } from '../../support/fakeSyncWorker'
import { toColumns } from '../../../src/notice/summaryColumns'
import type { NoticeSummary } from '../../../src/notice/summary'

/** summaries as the worker posts them: in columns, through structured clone */
const crossing = (list: unknown[]) => structuredClone(toColumns(list as NoticeSummary[]))

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

  it('shows what went live from the worker’s parts only once it is committed, without a re-read; reads it again only when a part went missing or the commit failed', async () => {
    const live: string[] = []
    const applied: string[] = []
    startSyncWorker(settings, { onLive: (id, c) => void live.push(`${id}@${c.record.revision}: ${c.notices.map((n) => n.id).join(',')}`), onApplied: (id, rev, whole) => void applied.push(`${id}@${rev} ${whole ? 'handed over' : 'read again'}`), onState: () => undefined })
    const w = FakeWorker.last
    const record = { sourceId: 'v1', revision: 8 } as RevisionRecord
    const notice = (id: string) => ({ id, sourceId: 'v1', revision: 8 }) as NoticeRecord
    // the parts come while the worker's transaction commits: nothing is shown before `live`
    w.reply({ type: 'liveNotices', sourceId: 'v1', revision: 8, part: 0, columns: crossing([notice('a'), notice('b')]) })
    w.reply({ type: 'liveNotices', sourceId: 'v1', revision: 8, part: 1, columns: crossing([notice('c')]) })
    expect(live).toEqual([])
    w.reply({ type: 'live', sourceId: 'v1', revision: 8, record, parts: 2 })
    expect(live).toEqual(['v1@8: a,b,c'])
    w.reply({ type: 'applied', sourceId: 'v1', revision: 8, ms: 30 })
    // a part lost (out of order): the partial content is never shown, and the store reads it from IndexedDB
    w.reply({ type: 'liveNotices', sourceId: 'v1', revision: 9, part: 1, columns: crossing([notice('d')]) })
    w.reply({ type: 'liveNotices', sourceId: 'v1', revision: 9, part: 0, columns: crossing([notice('e')]) })
    w.reply({ type: 'live', sourceId: 'v1', revision: 9, record: { ...record, revision: 9 }, parts: 2 })
    w.reply({ type: 'applied', sourceId: 'v1', revision: 9, ms: 30 })
    expect(live).toEqual(['v1@8: a,b,c'])
    // a commit that failed: its parts are dropped with the cycle's end, and a later `live` cannot show them
    w.reply({ type: 'liveNotices', sourceId: 'v1', revision: 10, part: 0, columns: crossing([notice('f')]) })
    w.reply({ type: 'state', sourceId: 'v1', outcome: 'failed', ms: 30 })
    w.reply({ type: 'live', sourceId: 'v1', revision: 10, record: { ...record, revision: 10 }, parts: 1 })
    expect(live).toEqual(['v1@8: a,b,c'])
    // a revision without notices
    w.reply({ type: 'live', sourceId: 'v1', revision: 11, record: { ...record, revision: 11 }, parts: 0 })
    w.reply({ type: 'applied', sourceId: 'v1', revision: 11, ms: 30 })
    await Promise.resolve()
    expect(live).toEqual(['v1@8: a,b,c', 'v1@11: '])
    expect(applied).toEqual(['v1@8 handed over', 'v1@9 read again', 'v1@11 handed over'])
  })

  it('works the board out as the parts arrive, for the minute they arrive in, and not across a change of minute', () => {
    const boards: (string | null)[] = []
    let minute = new Date('2026-11-27T02:00:05Z')
    startSyncWorker(settings, { onLive: (_id, c) => void boards.push(c.board ? `${c.board.at.toISOString()} ${c.board.open.map((n) => n.id).join(',')}` : null), onApplied: () => undefined, onState: () => undefined, boardAt: () => minute })
    const w = FakeWorker.last
    const record = { sourceId: 'v1', revision: 8 } as RevisionRecord
    const n = (id: string, published: string, expires?: string, urgent = false) => ({ id, sourceId: 'v1', revision: 8, published, expires, urgent, pinned: false }) as unknown as NoticeRecord
    // board order from the worker: urgent first, then newest; c has not started yet, d has closed
    w.reply({ type: 'liveNotices', sourceId: 'v1', revision: 8, part: 0, columns: crossing([n('u', '2026-11-20T01:00:00.000Z', undefined, true), n('c', '2026-12-01T01:00:00.000Z')]) })
    w.reply({ type: 'liveNotices', sourceId: 'v1', revision: 8, part: 1, columns: crossing([n('a', '2026-11-26T01:00:00.000Z', '2026-11-28T01:00:00.000Z'), n('d', '2026-11-20T01:00:00.000Z', '2026-11-21T01:00:00.000Z')]) })
    w.reply({ type: 'live', sourceId: 'v1', revision: 8, record, parts: 2 })
    expect(boards).toEqual(['2026-11-27T02:00:05.000Z u,a'])
    // the clock's minute turned between two parts: no board handed over (the store works it out itself)
    w.reply({ type: 'liveNotices', sourceId: 'v1', revision: 9, part: 0, columns: crossing([n('u', '2026-11-20T01:00:00.000Z', undefined, true)]) })
    minute = new Date('2026-11-27T02:01:00Z')
    w.reply({ type: 'liveNotices', sourceId: 'v1', revision: 9, part: 1, columns: crossing([n('a', '2026-11-26T01:00:00.000Z')]) })
    w.reply({ type: 'live', sourceId: 'v1', revision: 9, record: { ...record, revision: 9 }, parts: 2 })
    expect(boards.at(-1)).toBeNull()
    // parts that did not come in board order (older first): the board is still in board order
    w.reply({ type: 'liveNotices', sourceId: 'v1', revision: 10, part: 0, columns: crossing([n('x', '2026-11-25T01:00:00.000Z')]) })
    w.reply({ type: 'liveNotices', sourceId: 'v1', revision: 10, part: 1, columns: crossing([n('y', '2026-11-26T01:00:00.000Z')]) })
    w.reply({ type: 'live', sourceId: 'v1', revision: 10, record: { ...record, revision: 10 }, parts: 2 })
    expect(boards.at(-1)).toBe('2026-11-27T02:01:00.000Z y,x')
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
})
