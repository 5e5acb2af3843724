import { afterEach, describe, expect, it } from 'vitest'
import { RETRY_BASE_MS, RETRY_MAX_MS, deliver, idempotencyKey, isDue, nextDueAt, outboxEntryFor } from '../../../src/clerk/outbox'
import { deleteDatabase, listOutbox, saveClerkRecord, settleOutboxEntry } from '../../../src/db'
import { ledger } from './fixtures'

afterEach(() => deleteDatabase())

/** A server that answers each POST with the next status and remembers what it got. */
function fakeServer(statuses: Array<number | 'offline'>) {
  const got: { key: string | null; body: { id: string; version: number; kind: string } }[] = []
  const seen = new Set<string>()
  const fetch = (async (_url: string, init: RequestInit) => {
    const s = statuses.shift() ?? 200
    if (s === 'offline') throw new TypeError('Failed to fetch')
    const key = new Headers(init.headers).get('Idempotency-Key')
    got.push({ key, body: JSON.parse(String(init.body)) })
    if (s >= 200 && s < 300 && key) seen.add(key)
    return new Response(null, { status: s })
  }) as unknown as typeof globalThis.fetch
  return { fetch, got, stored: seen }
}

const now = Date.parse('2026-11-27T02:00:00Z')

describe('upload outbox', () => {
  it('POSTs the record with an Idempotency-Key and the id in the body', async () => {
    const server = fakeServer([201])
    const e = outboxEntryFor('ledger', ledger(), new Date(now), { kioskId: 'hall-1', villageCode: '330100001' })
    const r = await deliver(e, { url: 'https://x/upload', fetch: server.fetch, now })
    expect(r.sent).toBe(true)
    expect(server.got[0]!.key).toBe('ledger:ledger-1:2')
    expect(server.got[0]!.body).toMatchObject({ kind: 'ledger', id: 'ledger-1', version: 2, kioskId: 'hall-1', villageCode: '330100001' })
  })

  it('retries with growing backoff until the server answers 2xx, sending the same key and bytes each time', async () => {
    const server = fakeServer(['offline', 500, 503, 429, 200])
    let e = outboxEntryFor('ledger', ledger(), new Date(now))
    const delays: number[] = []
    let t = now
    for (;;) {
      const r = await deliver(e, { url: 'https://x/upload', fetch: server.fetch, now: t, random: () => 1 })
      if (r.sent) break
      delays.push(r.retry.nextAttemptAt - t)
      expect(isDue(r.retry, t)).toBe(false)
      e = r.retry
      t = r.retry.nextAttemptAt
      expect(isDue(e, t)).toBe(true)
    }
    expect(e.attempts).toBe(4)
    expect(e.lastError).toBe('HTTP 429')
    expect(delays).toEqual([RETRY_BASE_MS, 2 * RETRY_BASE_MS, 4 * RETRY_BASE_MS, 8 * RETRY_BASE_MS])
    expect(new Set(server.got.map((g) => g.key))).toEqual(new Set(['ledger:ledger-1:2']))
    expect(server.stored.size).toBe(1)
  })

  it('never waits longer than the maximum between tries', async () => {
    const server = fakeServer(Array(30).fill(500))
    let e = { ...outboxEntryFor('ledger', ledger(), new Date(now)), attempts: 25 }
    const r = await deliver(e, { url: 'u', fetch: server.fetch, now, random: () => 1 })
    expect(r.sent).toBe(false)
    if (!r.sent) e = r.retry
    expect(e.nextAttemptAt - now).toBe(RETRY_MAX_MS)
  })

  it('removes an entry once sent, but keeps a newer save queued meanwhile', async () => {
    const v2 = ledger()
    const e2 = outboxEntryFor('ledger', v2, new Date(now))
    await saveClerkRecord({ kind: 'ledger', record: v2, outbox: e2, before: null })
    const v3 = { ...v2, reviewOpinion: '再次审核', version: 3 }
    const e3 = outboxEntryFor('ledger', v3, new Date(now))
    await saveClerkRecord({ kind: 'ledger', record: v3, outbox: e3, before: v2 })
    // the delivery of version 2 finishes after version 3 was queued
    await settleOutboxEntry(e2, null)
    expect((await listOutbox()).map(idempotencyKey)).toEqual(['ledger:ledger-1:3'])
    await settleOutboxEntry(e3, null)
    expect(await listOutbox()).toEqual([])
  })

  it('reports the earliest due time', () => {
    const a = { ...outboxEntryFor('ledger', ledger('a'), new Date(now)), nextAttemptAt: now + 5000 }
    const b = { ...outboxEntryFor('ledger', ledger('b'), new Date(now)), nextAttemptAt: now + 1000 }
    expect(nextDueAt([a, b])).toBe(now + 1000)
    expect(nextDueAt([])).toBeNull()
  })
})
