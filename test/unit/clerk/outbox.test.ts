import { afterEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { RETRY_BASE_MS, RETRY_MAX_MS, idempotencyKey, isDue, missingEntries, nextDueAt, outboxEntryFor, uploadStateOf, type OutboxEntry, type OutboxPhoto, type UploadAck } from '../../../src/clerk/outbox'
import { PART_BYTES, deliver, type UploadDeps } from '../../../src/clerk/upload'
import { deleteDatabase, listOutbox, listUploadAcks, queueOutboxEntries, saveClerkRecord, settleOutboxEntry } from '../../../src/db'
import { fakeConsole, type FakeConsoleOptions } from './fakeConsole'
import { uploadErrorText } from '../../../src/clerk/uploadErrors'
import { kioskTranslator } from '../../../src/i18n/node'
import { item, ledger } from './fixtures'

afterEach(() => deleteDatabase())

const now = Date.parse('2026-11-27T02:00:00Z')
const URL_ = 'http://console.test/api/kiosk/records'

/** deterministic bytes of a photo of `size` */
function photoBytes(size: number, seed = 1): Uint8Array {
  const b = new Uint8Array(size)
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed * 7 + (i >> 8)) & 255
  return b
}
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

function withPhoto(size: number, id = 'photo-1', seed = 1) {
  const bytes = photoBytes(size, seed)
  const meta: OutboxPhoto = { id, sha256: sha(bytes), size, type: 'image/jpeg' }
  return { bytes, meta }
}

function deps(server: ReturnType<typeof fakeConsole>, blobs: Record<string, Uint8Array>, over: Partial<UploadDeps> = {}): UploadDeps {
  return { recordsUrl: URL_, token: 'tok-1', fetch: server.fetch, readPhoto: async (id) => (blobs[id] ? new Blob([blobs[id] as BlobPart]) : undefined), now: () => now, random: () => 1, ...over }
}

/** the kiosk's vue-i18n t() over the same message files */
const tIn = (locale: string) => (code: string, params: Record<string, string | number>) => kioskTranslator().t({ code, params }, locale)
const zhT = tIn('zh-CN')

describe('upload to the console (docs/township-api.md)', () => {
  it('sends each photo in parts of at most 256 KB, then the record; the acknowledgement marks it sent', async () => {
    const server = fakeConsole()
    const p = withPhoto(600 * 1024)
    const e = outboxEntryFor('ledger', ledger(), new Date(now), { kioskId: 'hall-1', villageCode: '330100001', photos: [p.meta] })
    const r = await deliver(e, deps(server, { 'photo-1': p.bytes }))
    expect(r.sent).toBe(true)
    const puts = server.log.filter((l) => l.method === 'PUT')
    expect(puts.map((l) => [l.offset, l.bytes])).toEqual([[0, PART_BYTES], [PART_BYTES, PART_BYTES], [2 * PART_BYTES, 600 * 1024 - 2 * PART_BYTES]])
    expect(server.photos.get(p.meta.sha256)).toEqual(p.bytes)
    expect(server.log.at(-1)).toMatchObject({ method: 'POST', path: '/api/kiosk/records' })
    const stored = server.records.get('ledger:ledger-1')!
    expect(stored.version).toBe(2)
    expect(stored.body).toMatchObject({ kind: 'ledger', id: 'ledger-1', version: 2, kioskId: 'hall-1', villageCode: '330100001', photos: [{ id: 'photo-1', sha256: p.meta.sha256, size: 600 * 1024, type: 'image/jpeg' }] })
  }, 60_000)

  it('resumes a photo from what the console already holds', async () => {
    const server = fakeConsole()
    const p = withPhoto(700 * 1024)
    const e = outboxEntryFor('ledger', ledger(), new Date(now), { photos: [p.meta] })
    // the first try breaks after two parts (the line drops)
    let puts = 0
    const flaky = deps(server, { 'photo-1': p.bytes }, {
      fetch: (async (u: string, init: RequestInit) => {
        if (init.method === 'PUT' && ++puts > 2) throw new TypeError('Failed to fetch')
        return server.fetch(u, init)
      }) as unknown as typeof fetch,
    })
    const first = await deliver(e, flaky)
    expect(first.sent).toBe(false)
    expect(server.log.filter((l) => l.method === 'PUT').length).toBe(2)
    server.log.length = 0
    const second = await deliver(first.sent ? e : first.retry, deps(server, { 'photo-1': p.bytes }))
    expect(second.sent).toBe(true)
    // asked first, then only the rest
    expect(server.log[0]).toMatchObject({ method: 'GET' })
    expect(server.log.filter((l) => l.method === 'PUT').map((l) => l.offset)).toEqual([2 * PART_BYTES])
    expect(server.photos.get(p.meta.sha256)).toEqual(p.bytes)
  }, 60_000)

  it('follows the console to where it is after a 409, and skips photos it has complete', async () => {
    const server = fakeConsole()
    const p = withPhoto(300 * 1024)
    // the console already holds the first part, but its GET answer was lost: the kiosk starts at 0
    server.parts.set(p.meta.sha256, [p.bytes.slice(0, PART_BYTES)])
    const lying = deps(server, { 'photo-1': p.bytes }, {
      fetch: (async (u: string, init: RequestInit) => (init.method === 'GET' ? new Response(null, { status: 404 }) : server.fetch(u, init))) as unknown as typeof fetch,
    })
    const e = outboxEntryFor('ledger', ledger(), new Date(now), { photos: [p.meta] })
    expect((await deliver(e, lying)).sent).toBe(true)
    expect(server.log.filter((l) => l.method === 'PUT').map((l) => l.offset)).toEqual([0, PART_BYTES])
    server.log.length = 0
    // a second record with the same photo sends no photo bytes at all
    const e2 = outboxEntryFor('ledger', ledger('ledger-2'), new Date(now), { photos: [p.meta] })
    expect((await deliver(e2, deps(server, { 'photo-1': p.bytes }))).sent).toBe(true)
    expect(server.log.map((l) => l.method)).toEqual(['GET', 'POST'])
  }, 60_000)

  it.each([
    ['the console unreachable', { fail: () => 'throw' }, 'network', '连不上乡镇平台'],
    ['a revoked token (the console\'s own words)', { token: 'other' }, 'unauthorized:kiosk.bad_token', '设备令牌无效或已吊销'],
    ['the console busy', { fail: () => new Response('', { status: 429 }) }, 'rate_limited', '乡镇平台繁忙'],
    ['a server error', { fail: () => new Response('boom', { status: 500 }) }, 'server', 'HTTP 500'],
    ['a 200 without an acknowledgement', { fail: () => new Response('{}', { status: 200 }) }, 'bad_answer', '看不懂'],
  ] as Array<[string, FakeConsoleOptions, string, string]>)('not sent with %s: the reason in words', async (_n, opts, code, words) => {
    const server = fakeConsole(opts)
    const e = outboxEntryFor('ledger', ledger(), new Date(now))
    const r = await deliver(e, deps(server, {}))
    expect(r.sent).toBe(false)
    if (r.sent) return
    expect(r.retry.lastError).toMatchObject({ code })
    expect(uploadErrorText(r.retry.lastError, zhT, 'zh-CN')).toContain(words)
  })

  it('the console\'s own words follow the kiosk\'s, in the clerk\'s language; words stored by older versions still show', async () => {
    const r = await deliver(outboxEntryFor('ledger', ledger(), new Date(now)), deps(fakeConsole({ token: 'other' }), {}))
    if (r.sent) throw new Error('sent')
    expect(uploadErrorText(r.retry.lastError, zhT, 'zh-CN')).toBe('设备令牌无效或已吊销，请联系乡镇重新登记本机：设备令牌无效或已吊销')
    expect(uploadErrorText(r.retry.lastError, tIn('en'), 'en')).toBe('The kiosk token is unknown or revoked; ask the township to enrol this kiosk again: unknown or revoked kiosk token')
    expect(uploadErrorText({ code: 'network', zh: '连不上乡镇平台', en: 'unreachable' }, zhT, 'en')).toBe('unreachable')
    expect(uploadErrorText('旧版本的原因', zhT, 'zh-CN')).toBe('旧版本的原因')
  })

  it('a kiosk without a token does not send at all', async () => {
    const server = fakeConsole()
    const r = await deliver(outboxEntryFor('ledger', ledger(), new Date(now)), deps(server, {}, { token: undefined }))
    expect(r.sent).toBe(false)
    expect(server.log).toEqual([])
    if (!r.sent) expect(r.retry.lastError).toMatchObject({ code: 'no_token' })
  })

  it('a photo damaged on the way is refused by its checksum and not acknowledged', async () => {
    const server = fakeConsole()
    const p = withPhoto(1000)
    const wrong = photoBytes(1000, 2)
    const r = await deliver(outboxEntryFor('ledger', ledger(), new Date(now), { photos: [p.meta] }), deps(server, { 'photo-1': wrong }))
    expect(r.sent).toBe(false)
    if (!r.sent) expect(r.retry.lastError).toMatchObject({ code: 'photo_mismatch' })
    expect(server.records.size).toBe(0)
  })

  it('retries with growing backoff, sending the same key and bytes each time', async () => {
    let fails = 4
    const server = fakeConsole({ fail: (): Response | null => (fails-- > 0 ? new Response('', { status: 503 }) : null) })
    let e = outboxEntryFor('ledger', ledger(), new Date(now))
    const delays: number[] = []
    const bodies = new Set<string>()
    const spy = (async (u: string, init: RequestInit) => {
      if (init.method === 'POST') bodies.add(`${new Headers(init.headers).get('idempotency-key')} ${String(init.body)}`)
      return server.fetch(u, init)
    }) as unknown as typeof fetch
    for (;;) {
      const r = await deliver(e, deps(server, {}, { fetch: spy }))
      if (r.sent) break
      delays.push(r.retry.nextAttemptAt - now)
      expect(isDue(r.retry, now)).toBe(false)
      e = r.retry
    }
    expect(e.attempts).toBe(4)
    expect(delays).toEqual([RETRY_BASE_MS, 2 * RETRY_BASE_MS, 4 * RETRY_BASE_MS, 8 * RETRY_BASE_MS])
    expect(bodies.size).toBe(1)
    expect([...bodies][0]).toMatch(/^ledger:ledger-1:2 /)
  })

  it('never waits longer than the maximum between tries', async () => {
    const server = fakeConsole({ fail: () => 'throw' })
    const e = { ...outboxEntryFor('ledger', ledger(), new Date(now)), attempts: 25 }
    const r = await deliver(e, deps(server, {}))
    expect(r.sent).toBe(false)
    if (!r.sent) expect(r.retry.nextAttemptAt - now).toBe(RETRY_MAX_MS)
  })
})

describe('the queue beside the records', () => {
  const ack = (e: OutboxEntry): UploadAck => ({ id: e.id, kind: e.kind, recordId: e.recordId, version: e.version, at: '2026-11-27T02:00:01Z' })

  it('removes an entry once acknowledged, keeps the acknowledgement, and keeps a newer save queued meanwhile', async () => {
    const v2 = ledger()
    const e2 = outboxEntryFor('ledger', v2, new Date(now))
    await saveClerkRecord({ kind: 'ledger', record: v2, outbox: e2, before: null })
    const v3 = { ...v2, reviewOpinion: '再次审核', version: 3 }
    const e3 = outboxEntryFor('ledger', v3, new Date(now))
    await saveClerkRecord({ kind: 'ledger', record: v3, outbox: e3, before: v2 })
    // the delivery of version 2 finishes after version 3 was queued
    await settleOutboxEntry(e2, null, ack(e2))
    expect((await listOutbox()).map(idempotencyKey)).toEqual(['ledger:ledger-1:3'])
    expect((await listUploadAcks()).map((a) => a.version)).toEqual([2])
    await settleOutboxEntry(e3, null, ack(e3))
    expect(await listOutbox()).toEqual([])
    expect((await listUploadAcks()).map((a) => a.version)).toEqual([3])
    // a late acknowledgement of an older version does not go back
    await settleOutboxEntry(e2, null, ack(e2))
    expect((await listUploadAcks()).map((a) => a.version)).toEqual([3])
  })

  it('rebuilds the queue from the records: what is not acknowledged at its version, and has no entry', () => {
    const records = [
      { kind: 'ledger' as const, record: ledger('a') }, // version 2, acked at 2: sent
      { kind: 'ledger' as const, record: ledger('b') }, // acked at 1 only: queued again
      { kind: 'ledger' as const, record: ledger('c') }, // never acked: queued
      { kind: 'item' as const, record: item('d') }, // already queued
    ]
    const acks = new Map([['ledger:a', 2], ['ledger:b', 1]])
    expect(missingEntries(records, ['item:d'], acks).map((r) => r.record.id)).toEqual(['b', 'c'])
  })

  it('queueing again leaves an entry queued meanwhile as it is', async () => {
    const e = outboxEntryFor('ledger', ledger(), new Date(now))
    await queueOutboxEntries([{ ...e, attempts: 3 }])
    await queueOutboxEntries([e])
    expect((await listOutbox())[0]!.attempts).toBe(3)
  })

  it('says per record 已上传 or 等待上传 with the reason', async () => {
    const r = ledger()
    const e = { ...outboxEntryFor('ledger', r, new Date(now)), lastError: { code: 'network', zh: '连不上乡镇平台', en: 'x' } }
    expect(uploadStateOf('ledger', r, new Map([[e.id, e]]), new Map())).toMatchObject({ state: 'waiting', error: { zh: '连不上乡镇平台' } })
    expect(uploadStateOf('ledger', r, new Map(), new Map([[e.id, ack(e)]]))).toMatchObject({ state: 'uploaded' })
    expect(uploadStateOf('ledger', { ...r, version: 3 }, new Map(), new Map([[e.id, ack(e)]]))).toEqual({ state: 'unknown' })
  })

  it('reports the earliest due time', () => {
    const a = { ...outboxEntryFor('ledger', ledger('a'), new Date(now)), nextAttemptAt: now + 5000 }
    const b = { ...outboxEntryFor('ledger', ledger('b'), new Date(now)), nextAttemptAt: now + 1000 }
    expect(nextDueAt([a, b])).toBe(now + 1000)
    expect(nextDueAt([])).toBeNull()
  })
})
