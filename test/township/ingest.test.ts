import { createHash, randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { heartbeatWriter } from '../../township/server/ingest/heartbeats'
import { listen } from '../../township/server/server'
import { enrol, ENGINE, errorOf, heartbeat, smallTownship, startHarness, type Harness, type Jar } from './support'

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

function ledgerRecord(id: string, version: number, photoIds: string[] = [], over: Record<string, unknown> = {}) {
  const at = '2026-11-05T02:00:00.000Z'
  return {
    id,
    itemId: 'CF-01',
    periodKey: '2026-10',
    periodLabel: '2026年10月',
    postedOn: '2026-11-05',
    places: ['board'],
    takenDownOn: '',
    postedBy: '王会计',
    reviewer: '',
    reviewedOn: '',
    reviewOpinion: '',
    note: '',
    photoIds,
    questions: [],
    createdAt: at,
    updatedAt: at,
    version,
    ...over,
  }
}

describe(`kiosk ingest (${ENGINE})`, () => {
  let h: Harness
  let admin: Jar
  let cfg: Awaited<ReturnType<typeof enrol>>['config']
  const beat = (body: unknown, token = cfg.kioskToken) =>
    h.req('/api/kiosk/heartbeat', { method: 'POST', body: JSON.stringify({ ...(body as object), token }), headers: { 'content-type': 'text/plain;charset=UTF-8' } })
  const auth = (token = cfg.kioskToken) => ({ authorization: `Bearer ${token}` })
  const postRecord = (env: Record<string, unknown>, token = cfg.kioskToken, key?: string) =>
    h.req('/api/kiosk/records', {
      method: 'POST',
      json: env,
      headers: { ...auth(token), 'idempotency-key': key ?? `${env.kind}:${env.id}:${env.version}` },
    })
  const putPart = (hash: string, offset: number, total: number, bytes: Uint8Array, token = cfg.kioskToken) =>
    h.req(`/api/kiosk/photos/${hash}?offset=${offset}&total=${total}`, { method: 'PUT', body: bytes as unknown as BodyInit, headers: { ...auth(token), 'content-type': 'application/octet-stream' } })

  beforeAll(async () => {
    h = await startHarness({ config: { kioskRatePerMinute: 100 } })
    await smallTownship(h)
    admin = await h.admin()
    cfg = (await enrol(h, admin)).config
  }, 60_000)
  afterAll(() => h.close(), 60_000)

  it('enrolment gives a config with a unique kioskId, the township key and the console URLs; the token is stored hashed', async () => {
    const other = (await enrol(h, admin, '341000000101', '村便民服务大厅 2 号屏')).config
    expect(other.kioskId).not.toBe(cfg.kioskId)
    expect(other.kioskToken).not.toBe(cfg.kioskToken)
    expect(cfg.feedUrl).toBe('http://console.test/feeds/341000000101/feed.json')
    expect(cfg.statusUrl).toBe('http://console.test/api/kiosk/heartbeat')
    expect(cfg.clerkUploadUrl).toBe('http://console.test/api/kiosk/records')
    expect(Buffer.from(cfg.publicKey, 'base64')).toHaveLength(32)
    expect(other.publicKey).toBe(cfg.publicKey)
    expect(await h.count('kiosks', 'token_hash = $1', [cfg.kioskToken])).toBe(0)
    expect(await h.count('audit_log', "action = 'kiosk.enrolled'")).toBe(2)
  })

  it('a heartbeat is stored once: a repeat id is 204 and changes nothing', async () => {
    const hb = heartbeat(cfg.kioskId)
    const r1 = await beat(hb)
    expect(r1.status).toBe(204)
    expect(r1.headers.get('access-control-allow-origin')).toBe('*')
    expect(await h.count('heartbeats')).toBe(1)
    const latest = await h.ctx.db.query('SELECT * FROM kiosk_latest')
    expect((await beat(hb)).status).toBe(204)
    expect(await h.count('heartbeats')).toBe(1)
    expect(await h.ctx.db.query('SELECT * FROM kiosk_latest')).toEqual(latest)
    expect(await h.ctx.db.query('SELECT beats FROM heartbeat_daily')).toEqual([{ beats: 1 }])
  })

  it('forged, revoked and rotated-away tokens get 401 kiosk.bad_token and nothing is stored', async () => {
    const before = await h.count('heartbeats')
    const forged = await beat(heartbeat(cfg.kioskId), randomBytes(32).toString('base64url'))
    expect(forged.status).toBe(401)
    expect((await errorOf(forged)).code).toBe('kiosk.bad_token')
    const missing = await h.req('/api/kiosk/heartbeat', { method: 'POST', body: JSON.stringify(heartbeat(cfg.kioskId)) })
    expect((await errorOf(missing)).code).toBe('kiosk.bad_token')
    // a second kiosk, rotated then revoked
    const k2 = await enrol(h, admin, '341000000101', '村委会 3 号屏')
    const rotated = (await (await h.req(`/api/kiosks/${k2.kiosk.id}/token`, { method: 'POST', jar: admin })).json()) as { config: { kioskToken: string } }
    expect((await beat(heartbeat(k2.kiosk.id), k2.config.kioskToken)).status).toBe(401)
    expect((await beat(heartbeat(k2.kiosk.id), rotated.config.kioskToken)).status).toBe(204)
    expect((await h.req(`/api/kiosks/${k2.kiosk.id}/revoke`, { method: 'POST', jar: admin })).status).toBe(204)
    const revoked = await beat(heartbeat(k2.kiosk.id), rotated.config.kioskToken)
    expect(revoked.status).toBe(401)
    const rec = await postRecord({ kind: 'ledger', id: 'ledger-r1', version: 1, deleted: false, kioskId: k2.kiosk.id, villageCode: '341000000101', record: ledgerRecord('ledger-r1', 1), photos: [] }, rotated.config.kioskToken)
    expect(rec.status).toBe(401)
    expect(await h.count('heartbeats')).toBe(before + 1)
    expect(await h.count('clerk_records')).toBe(0)
  })

  it('bad heartbeat bodies: 10 MB, malformed JSON, wrong format — each refused with its reason, nothing stored', async () => {
    const before = await h.count('heartbeats')
    const big = await h.req('/api/kiosk/heartbeat', { method: 'POST', body: 'x'.repeat(10 * 1024 * 1024), headers: { 'content-type': 'text/plain' } })
    expect(big.status).toBe(413)
    expect((await errorOf(big)).code).toBe('body.too_large')
    // no Content-Length: the cap is enforced while reading
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 200; i++) c.enqueue(new Uint8Array(64 * 1024))
        c.close()
      },
    })
    const streamed = await h.req('/api/kiosk/heartbeat', { method: 'POST', body: stream, duplex: 'half' } as RequestInit)
    expect((await errorOf(streamed)).code).toBe('body.too_large')
    const bad = await h.req('/api/kiosk/heartbeat', { method: 'POST', body: '{"token": "abc", ' })
    expect(bad.status).toBe(400)
    expect((await errorOf(bad)).code).toBe('body.bad_json')
    const wrong = await beat({ ...heartbeat(cfg.kioskId), format: 2, clockOk: 'yes' })
    expect(wrong.status).toBe(400)
    const e = await errorOf(wrong)
    expect(e.code).toBe('heartbeat.invalid')
    expect((e.detail.issues as { path: string }[]).map((i) => i.path)).toEqual(expect.arrayContaining(['format', 'clockOk']))
    expect(await h.count('heartbeats')).toBe(before)
  })

  it('over a real socket (the body read from Node\'s request): stored, oversized bodies 413 with the connection closed, bad JSON 400', async () => {
    const { server, port } = await listen(h.ctx, '127.0.0.1', 0)
    // node:http, not fetch: it sends a body in chunks without Content-Length and reads an answer that comes before the body is done
    const post = (chunks: Buffer[], headers: Record<string, string | number> = {}) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/api/kiosk/heartbeat', method: 'POST', headers: { 'content-type': 'text/plain', ...headers } }, (res) => {
          let body = ''
          res.setEncoding('utf8')
          res.on('data', (d: string) => (body += d))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
        })
        // the server may close while the rest of a refused body is still being sent
        req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)))
        for (const c of chunks) req.write(c)
        req.end()
      })
    const code = (r: { body: string }) => (JSON.parse(r.body) as { error: { code: string } }).error.code
    try {
      const before = await h.count('heartbeats')
      const hb = Buffer.from(JSON.stringify({ ...heartbeat(cfg.kioskId), token: cfg.kioskToken }))
      // in two pieces: the reader joins them
      const ok = await post([hb.subarray(0, 100), hb.subarray(100)], { 'content-length': hb.length })
      expect(ok.status).toBe(204)
      expect(await h.count('heartbeats')).toBe(before + 1)
      const declared = await post([Buffer.alloc(10 * 1024 * 1024, 'x')], { 'content-length': 10 * 1024 * 1024 })
      expect(declared.status).toBe(413)
      expect(code(declared)).toBe('body.too_large')
      expect(declared.headers.connection).toBe('close')
      const chunked = await post(Array.from({ length: 40 }, () => Buffer.alloc(16 * 1024, 'x')), { 'transfer-encoding': 'chunked' })
      expect(chunked.status).toBe(413)
      expect(code(chunked)).toBe('body.too_large')
      expect(chunked.headers.connection).toBe('close')
      const bad = await post([Buffer.from('{"token": "abc", ')])
      expect(bad.status).toBe(400)
      expect(code(bad)).toBe('body.bad_json')
      expect(await h.count('heartbeats')).toBe(before + 1)
    } finally {
      await new Promise((r) => server.close(r))
    }
  })

  it('preflight for uploads is answered with the contract headers', async () => {
    const res = await h.req('/api/kiosk/records', { method: 'OPTIONS', headers: { origin: 'http://kiosk.local', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' } })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization, content-type, idempotency-key')
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, OPTIONS')
    expect(res.headers.get('access-control-max-age')).toBe('86400')
  })

  it('a photo arrives in parts, resumes from what the server has, and is checked against its SHA-256', async () => {
    const photo = randomBytes(300 * 1024)
    const hash = sha(photo)
    const a = photo.subarray(0, 200 * 1024)
    const b = photo.subarray(200 * 1024)
    expect(await (await putPart(hash, 0, photo.length, a)).json()).toEqual({ received: a.length, complete: false })
    // the kiosk lost the answer and resends from 0: 409 with the resume point
    const again = await putPart(hash, 0, photo.length, a)
    expect(again.status).toBe(409)
    expect(((await again.json()) as { received: number }).received).toBe(a.length)
    expect(await (await h.req(`/api/kiosk/photos/${hash}`, { headers: auth() })).json()).toEqual({ received: a.length, complete: false })
    expect(await (await putPart(hash, a.length, photo.length, b)).json()).toEqual({ received: photo.length, complete: true })
    expect(await h.count('photos', 'sha256 = $1', [hash])).toBe(1)
    expect(await h.count('photo_parts')).toBe(0)
    // a part over 256 KB is refused
    const tooBig = await putPart(sha(Buffer.alloc(1)), 0, 400 * 1024, randomBytes(300 * 1024))
    expect((await errorOf(tooBig)).code).toBe('body.too_large')
  })

  it('a photo whose bytes do not match its SHA-256 is 422 photo.sha_mismatch and its parts are dropped', async () => {
    const bytes = randomBytes(1000)
    const claimed = sha(Buffer.from('something else'))
    const res = await putPart(claimed, 0, bytes.length, bytes)
    expect(res.status).toBe(422)
    expect((await errorOf(res)).code).toBe('photo.sha_mismatch')
    expect(await h.count('photos', 'sha256 = $1', [claimed])).toBe(0)
    expect(await h.count('photo_parts')).toBe(0)
  })

  it('a ledger record with a photo: photo first (409 photo.missing before), then stored once; a replay changes nothing', async () => {
    const photo = randomBytes(5000)
    const hash = sha(photo)
    const env = { kind: 'ledger', id: 'ledger-1', version: 1, deleted: false, kioskId: cfg.kioskId, villageCode: '341000000101', record: ledgerRecord('ledger-1', 1, ['photo-1']), photos: [{ id: 'photo-1', sha256: hash, size: photo.length, type: 'image/jpeg' }] }
    const early = await postRecord(env)
    expect(early.status).toBe(409)
    const e = (await early.json()) as { error: { code: string }; missing: string[] }
    expect(e.error.code).toBe('photo.missing')
    expect(e.missing).toEqual([hash])
    expect(await h.count('clerk_records')).toBe(0)
    await putPart(hash, 0, photo.length, photo)
    const ok = await postRecord(env)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ ack: { kind: 'ledger', id: 'ledger-1', version: 1 } })
    const replay = await postRecord(env)
    expect(replay.status).toBe(200)
    expect(((await replay.json()) as { ack: unknown }).ack).toEqual({ kind: 'ledger', id: 'ledger-1', version: 1 })
    expect(await h.count('clerk_records')).toBe(1)
    expect(await h.count('audit_log', "action = 'ingest.record'")).toBe(1)
    const ledger = (await (await h.req('/api/villages/341000000101/ledger', { jar: admin })).json()) as { records: { id: string; photos: { sha256: string; type: string }[] }[]; total: number }
    expect(ledger.total).toBe(1)
    expect(ledger.records[0]!.photos).toEqual([{ sha256: hash, size: photo.length, type: 'image/jpeg' }])
    const img = await h.req(`/api/photos/${hash}`, { jar: admin })
    expect(img.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await img.arrayBuffer()).equals(photo)).toBe(true)
  })

  it('a newer version replaces the older; an older one is acknowledged and ignored', async () => {
    const env = (version: number, note: string) => ({ kind: 'ledger', id: 'ledger-2', version, deleted: false, kioskId: cfg.kioskId, villageCode: '341000000101', record: ledgerRecord('ledger-2', version, [], { note }), photos: [] })
    expect((await postRecord(env(2, 'second'))).status).toBe(200)
    expect((await postRecord(env(3, 'third'))).status).toBe(200)
    const old = await postRecord(env(1, 'first'))
    expect(old.status).toBe(200)
    expect(((await old.json()) as { ack: { version: number } }).ack.version).toBe(1)
    const current = await h.ctx.db.query<{ version: number; note: string }>("SELECT version, body->>'note' AS note FROM clerk_records WHERE record_id = 'ledger-2' AND is_current")
    expect(current).toEqual([{ version: 3, note: 'third' }])
    expect(await h.count('clerk_records', "record_id = 'ledger-2'")).toBe(2)
  })

  it('invalid records are 400 record.invalid with the shared schema reason; nothing stored', async () => {
    const before = await h.count('clerk_records')
    const bad = await postRecord({ kind: 'ledger', id: 'ledger-3', version: 1, deleted: false, kioskId: cfg.kioskId, villageCode: '341000000101', record: ledgerRecord('ledger-3', 1, [], { postedOn: '2026-13-45', places: ['moon'] }), photos: [] })
    expect(bad.status).toBe(400)
    const e = await errorOf(bad)
    expect(e.code).toBe('record.invalid')
    expect((e.detail.issues as { path: string }[]).map((i) => i.path)).toEqual(expect.arrayContaining(['postedOn']))
    const kind = await postRecord({ kind: 'salary', id: 'x', version: 1, record: {} })
    expect((await errorOf(kind)).code).toBe('record.invalid')
    const key = await postRecord({ kind: 'ledger', id: 'ledger-4', version: 1, deleted: false, villageCode: '341000000101', record: ledgerRecord('ledger-4', 1), photos: [] }, undefined, 'ledger:ledger-4:9')
    expect((await errorOf(key)).code).toBe('record.idempotency_key')
    const village = await postRecord({ kind: 'ledger', id: 'ledger-5', version: 1, deleted: false, villageCode: '341000000999', record: ledgerRecord('ledger-5', 1), photos: [] })
    expect((await errorOf(village)).code).toBe('record.wrong_village')
    const json = await h.req('/api/kiosk/records', { method: 'POST', body: '{"kind":', headers: { ...auth(), 'content-type': 'application/json' } })
    expect((await errorOf(json)).code).toBe('body.bad_json')
    const big = await h.req('/api/kiosk/records', { method: 'POST', body: 'x'.repeat(10 * 1024 * 1024), headers: { ...auth(), 'content-type': 'application/json' } })
    expect(big.status).toBe(413)
    expect(await h.count('clerk_records')).toBe(before)
  })

  it('a kiosk sending too fast gets 429 rate.limited with Retry-After; other kiosks are not affected', async () => {
    const fast = await enrol(h, admin, '341000000101', '压力测试屏')
    let limited: Response | null = null
    for (let i = 0; i < 400 && !limited; i++) {
      const r = await h.req('/api/kiosk/photos/' + '0'.repeat(64), { headers: auth(fast.config.kioskToken) })
      if (r.status === 429) limited = r
    }
    expect(limited).not.toBeNull()
    expect((await errorOf(limited!)).code).toBe('rate.limited')
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await beat(heartbeat(cfg.kioskId))).status).toBe(204)
  })

  it('heartbeats sent together are stored together; one that cannot be stored fails alone and the others stay idempotent', async () => {
    const writer = heartbeatWriter(h.ctx.db)
    const before = await h.count('heartbeats')
    const good = [heartbeat(cfg.kioskId), heartbeat(cfg.kioskId), heartbeat(cfg.kioskId)]
    const now = new Date()
    // a kiosk removed meanwhile: its heartbeat breaks the batch's foreign key
    const results = await Promise.allSettled([
      writer.write(cfg.kioskId, good[0] as never, now),
      writer.write('no-such-kiosk', heartbeat('no-such-kiosk') as never, now),
      writer.write(cfg.kioskId, good[1] as never, now),
      writer.write(cfg.kioskId, good[2] as never, now),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled'])
    expect(await h.count('heartbeats')).toBe(before + 3)
    const latest = await h.ctx.db.query('SELECT heartbeat_id FROM kiosk_latest WHERE kiosk_id = $1', [cfg.kioskId])
    expect(latest).toEqual([{ heartbeat_id: good[2]!.id }])
    await Promise.all(good.map((g) => writer.write(cfg.kioskId, g as never, now)))
    expect(await h.count('heartbeats')).toBe(before + 3)
    expect(await h.ctx.db.query('SELECT heartbeat_id FROM kiosk_latest WHERE kiosk_id = $1', [cfg.kioskId])).toEqual(latest)
  })

  it("a heartbeat's relaxed commit (synchronous_commit off) is its own transaction's: everything after it commits durably", async () => {
    // the server's own setting ('on' on PGlite; the throw-away test cluster runs with it off throughout)
    const setting = () => h.ctx.db.query("SELECT current_setting('synchronous_commit') AS s")
    const before = await setting()
    if (ENGINE === 'pglite') expect(before).toEqual([{ s: 'on' }])
    expect((await beat(heartbeat(cfg.kioskId))).status).toBe(204)
    expect(await setting()).toEqual(before)
    expect(await h.ctx.db.tx((q) => q.query("SELECT current_setting('synchronous_commit') AS s"))).toEqual(before)
  })
})
