/**
 * Kiosk → console: heartbeats (CORS-simple, token in the body), photo parts
 * and clerk records (Bearer token, preflight answered). docs/township-api.md.
 */
import { Hono } from 'hono'
import * as v from 'valibot'
import { localNoticeSchema, ledgerRecordSchema, villageItemSchema } from '../../../src/clerk/model'
import { audit } from '../audit'
import { one } from '../db/db'
import { ApiError, badRequest } from '../errors'
import { isObject, readBytes, readJson } from '../http/body'
import { sha256Hex } from '../tokens'
import type { Ctx, Env } from '../context'
import { heartbeatSchema } from './heartbeatSchema'
import { heartbeatWriter } from './heartbeats'
import { issueList } from './issues'
import { bearer, kioskByToken, type KioskRow } from './kioskAuth'
import { tokenBucket } from './rateLimit'
import { msg } from '../../../src/i18n/message'

export const HEARTBEAT_MAX = 64 * 1024
export const RECORD_MAX = 1024 * 1024
export const PART_MAX = 256 * 1024
export const PHOTO_MAX = 8 * 1024 * 1024

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'authorization, content-type, idempotency-key',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
  'Access-Control-Max-Age': '86400',
}

const SHA = /^[0-9a-f]{64}$/

const SCHEMA = { item: villageItemSchema, ledger: ledgerRecordSchema, notice: localNoticeSchema } as const
type Kind = keyof typeof SCHEMA

const photoRef = v.object({
  id: v.pipe(v.string(), v.maxLength(100)),
  sha256: v.pipe(v.string(), v.regex(SHA, 'sha256')),
  size: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(PHOTO_MAX)),
  type: v.picklist(['image/jpeg', 'image/png', 'image/webp'], 'mime_type'),
})

const envelope = v.object({
  kind: v.picklist(['item', 'ledger', 'notice'], 'kind'),
  id: v.pipe(v.string('string'), v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'id')),
  version: v.pipe(v.number('number'), v.integer('integer'), v.minValue(1, 'positive')),
  deleted: v.optional(v.boolean('boolean'), false),
  kioskId: v.nullish(v.string('string')),
  villageCode: v.nullish(v.string('string')),
  record: v.unknown(),
  photos: v.optional(v.pipe(v.array(photoRef, 'array'), v.maxLength(50, 'too_many')), []),
})

export function ingestRoutes(ctx: Ctx) {
  const app = new Hono<Env>()
  const rate = ctx.config.kioskRatePerMinute
  const heartbeats = heartbeatWriter(ctx.db)
  const beats = tokenBucket(rate, rate)
  // records and photo parts: an outbox flush after a day offline is many requests at once
  const uploads = tokenBucket(rate * 2, rate * 2)

  app.use('*', async (c, next) => {
    await next()
    for (const [k, val] of Object.entries(CORS)) c.header(k, val)
  })

  app.options('*', (c) => c.body(null, 204))

  const kioskActor = (k: KioskRow, address: string) => ({ name: k.id, kind: 'kiosk' as const, address })

  app.post('/heartbeat', async (c) => {
    const body = await readJson(c, HEARTBEAT_MAX)
    if (!isObject(body)) throw badRequest('heartbeat.invalid', msg('api.heartbeat_invalid.heartbeat_json_object'))
    const kiosk = await kioskByToken(ctx, body.token)
    beats.take(kiosk.id)
    const { token: _t, ...rest } = body
    const parsed = v.safeParse(heartbeatSchema, rest)
    if (!parsed.success) throw badRequest('heartbeat.invalid', msg('api.heartbeat_invalid.not_format_1_heartbeat'), { issues: issueList(parsed.issues) })
    await heartbeats.write(kiosk.id, parsed.output, ctx.now())
    return c.body(null, 204)
  })

  const uploadKiosk = async (auth: string | undefined) => {
    const kiosk = await kioskByToken(ctx, bearer(auth))
    uploads.take(kiosk.id)
    return kiosk
  }

  const photoState = async (sha: string) => {
    const done = await one<{ size: number }>(ctx.db, 'SELECT size FROM photos WHERE sha256 = $1', [sha])
    if (done) return { received: Number(done.size), complete: true }
    const r = await one<{ n: number | null }>(ctx.db, 'SELECT sum(length(bytes)) AS n FROM photo_parts WHERE sha256 = $1', [sha])
    return { received: Number(r?.n ?? 0), complete: false }
  }

  app.get('/photos/:sha', async (c) => {
    await uploadKiosk(c.req.header('authorization'))
    const sha = c.req.param('sha')
    if (!SHA.test(sha)) throw badRequest('photo.bad_sha', msg('api.photo_bad_sha'))
    return c.json(await photoState(sha))
  })

  app.put('/photos/:sha', async (c) => {
    const kiosk = await uploadKiosk(c.req.header('authorization'))
    const sha = c.req.param('sha')
    if (!SHA.test(sha)) throw badRequest('photo.bad_sha', msg('api.photo_bad_sha'))
    const offset = Number(c.req.query('offset'))
    const total = Number(c.req.query('total'))
    if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(total) || total < 1) throw badRequest('photo.bad_range', msg('api.photo_bad_range.offset_total_whole_numbers'))
    if (total > PHOTO_MAX) throw new ApiError(413, 'photo.too_large', msg('api.photo_too_large'), { limit: PHOTO_MAX })
    const bytes = await readBytes(c, PART_MAX)
    if (!bytes.byteLength) throw badRequest('photo.empty_part', msg('api.photo_empty_part'))
    if (offset + bytes.byteLength > total) throw badRequest('photo.bad_range', msg('api.photo_bad_range.part_runs_past_photo'))
    const result = await ctx.db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [sha])
      const done = await one<{ size: number }>(q, 'SELECT size FROM photos WHERE sha256 = $1', [sha])
      if (done) return { received: Number(done.size), complete: true }
      const parts = await q.query<{ offset: number; total: number; n: number }>('SELECT "offset", total, length(bytes) AS n FROM photo_parts WHERE sha256 = $1 ORDER BY "offset"', [sha])
      const have = parts.reduce((s, p) => s + Number(p.n), 0)
      if (parts[0] && Number(parts[0].total) !== total) {
        // a different total for the same hash: start again from nothing
        await q.query('DELETE FROM photo_parts WHERE sha256 = $1', [sha])
        if (offset !== 0) return { conflict: 0 }
      } else if (offset !== have) return { conflict: have }
      await q.query('INSERT INTO photo_parts (sha256, "offset", total, bytes, kiosk_id) VALUES ($1, $2, $3, $4, $5)', [sha, offset, total, bytes, kiosk.id])
      const received = (parts[0] && Number(parts[0].total) !== total ? 0 : have) + bytes.byteLength
      if (received < total) return { received, complete: false }
      const all = await q.query<{ bytes: Uint8Array }>('SELECT bytes FROM photo_parts WHERE sha256 = $1 ORDER BY "offset"', [sha])
      const whole = Buffer.concat(all.map((p) => Buffer.from(p.bytes)))
      await q.query('DELETE FROM photo_parts WHERE sha256 = $1', [sha])
      if (sha256Hex(whole) !== sha) return { mismatch: true }
      await q.query('INSERT INTO photos (sha256, size, bytes, kiosk_id) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING', [sha, whole.byteLength, whole, kiosk.id])
      return { received, complete: true }
    })
    if ('conflict' in result) return c.json({ error: new ApiError(409, 'photo.offset', msg('api.photo_offset')).body().error, received: result.conflict }, 409)
    if ('mismatch' in result) throw new ApiError(422, 'photo.sha_mismatch', msg('api.photo_sha_mismatch'))
    return c.json(result)
  })

  app.post('/records', async (c) => {
    const kiosk = await uploadKiosk(c.req.header('authorization'))
    const body = await readJson(c, RECORD_MAX)
    const env = v.safeParse(envelope, body)
    if (!env.success) throw badRequest('record.invalid', msg('api.record_invalid.record_envelope_invalid'), { issues: issueList(env.issues) })
    const e = env.output
    const key = c.req.header('idempotency-key')
    if (key !== undefined && key !== `${e.kind}:${e.id}:${e.version}`) throw badRequest('record.idempotency_key', msg('api.record_idempotency_key'), { expected: `${e.kind}:${e.id}:${e.version}` })
    if (e.villageCode && e.villageCode !== kiosk.villageCode) throw new ApiError(403, 'record.wrong_village', msg('api.record_wrong_village'), { villageCode: kiosk.villageCode })
    const rec = v.safeParse(SCHEMA[e.kind as Kind], e.record)
    if (!rec.success) throw badRequest('record.invalid', msg('api.record_invalid.record_does_not_pass'), { issues: issueList(rec.issues) })
    const record = rec.output as Record<string, unknown> & { id: string; version: number }
    if (record.id !== e.id || record.version !== e.version) throw badRequest('record.invalid', msg('api.record_invalid.record_id_version_differs'))
    const shas = [...new Set(e.photos.map((p) => p.sha256))]
    if (shas.length) {
      const have = new Set((await ctx.db.query<{ sha256: string }>('SELECT sha256 FROM photos WHERE sha256 = ANY($1::text[])', [shas])).map((r) => r.sha256))
      const missing = shas.filter((s) => !have.has(s))
      if (missing.length) return c.json({ error: new ApiError(409, 'photo.missing', msg('api.photo_missing')).body().error, missing }, 409)
    }
    const ledger = e.kind === 'ledger' ? (record as unknown as v.InferOutput<typeof ledgerRecordSchema>) : null
    const outcome = await ctx.db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${kiosk.villageCode}:${e.kind}:${e.id}`])
      const top = await one<{ version: number }>(q, 'SELECT max(version) AS version FROM clerk_records WHERE village_code = $1 AND kind = $2 AND record_id = $3', [kiosk.villageCode, e.kind, e.id])
      const stored = top?.version == null ? 0 : Number(top.version)
      if (stored >= e.version) return stored === e.version ? 'repeat' : 'older'
      await q.query('UPDATE clerk_records SET is_current = false WHERE village_code = $1 AND kind = $2 AND record_id = $3 AND is_current', [kiosk.villageCode, e.kind, e.id])
      await q.query(
        `INSERT INTO clerk_records (village_code, kind, record_id, version, deleted, kiosk_id, body, photos, item_id, period_key, posted_on, taken_down_on, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [kiosk.villageCode, e.kind, e.id, e.version, e.deleted, kiosk.id, JSON.stringify(record), JSON.stringify(e.photos.map(({ sha256, size, type }) => ({ sha256, size, type }))),
          ledger?.itemId ?? null, ledger?.periodKey ?? null, ledger?.postedOn ?? null, ledger?.takenDownOn || null, ctx.now()],
      )
      for (const p of e.photos) await q.query("UPDATE photos SET mime_type = $2 WHERE sha256 = $1 AND mime_type = 'application/octet-stream'", [p.sha256, p.type])
      await audit(q, kioskActor(kiosk, c.get('address')), 'ingest.record', `${e.kind}:${e.id}`, { version: e.version, deleted: e.deleted, village: kiosk.villageCode, photos: shas.length })
      return 'stored'
    })
    return c.json({ ack: { kind: e.kind, id: e.id, version: e.version }, ...(outcome === 'stored' ? {} : { ignored: outcome }) })
  })

  return app
}
