/** Supervision API (监督): states, 周提醒, period reports (+ .xlsx), a village's ledger and its photos. */
import { Hono } from 'hono'
import { isDay } from '../../../src/compliance/days'
import { one } from '../db/db'
import { badRequest, notFound } from '../errors'
import { mayUseVillage, requireRole } from '../auth/session'
import type { Ctx, Env } from '../context'
import { shanghaiDay } from '../days'
import { answerJson } from './answerCache'
import { villageFacts } from './disclosures'
import { report, reportPeriod, supervision, weekly, type ReportKind } from './supervision'
import { reportWorkbook } from './xlsx'
import { msg } from '../../../src/i18n/message'
import { zh } from '../i18n'

export const LEDGER_PAGE = 50
const JSON_TYPE = { 'Content-Type': 'application/json' }
const KINDS: readonly string[] = ['month', 'quarter', 'year'] satisfies ReportKind[]

export function supervisionRoutes(ctx: Ctx) {
  const app = new Hono<Env>()

  const asOfOf = (raw: string | undefined) => {
    if (raw === undefined || raw === '') return shanghaiDay(ctx.now())
    if (!isDay(raw)) throw badRequest('input.invalid', msg('api.input_invalid.asof_yyyy_mm_dd'), { field: 'asOf' })
    return raw
  }

  app.get('/supervision', async (c) => {
    const u = requireRole(c, 'viewer')
    const asOf = asOfOf(c.req.query('asOf'))
    const facts = await villageFacts(ctx.db, u.villages)
    return c.body(answerJson('supervision', facts, asOf, () => supervision(facts, asOf)), 200, JSON_TYPE)
  })

  app.get('/supervision/weekly', async (c) => {
    const u = requireRole(c, 'viewer')
    const asOf = asOfOf(c.req.query('asOf'))
    const facts = await villageFacts(ctx.db, u.villages)
    return c.body(answerJson('weekly', facts, asOf, () => weekly(facts, asOf)), 200, JSON_TYPE)
  })

  app.get('/reports/:kind/:key', async (c) => {
    const u = requireRole(c, 'viewer')
    const kind = c.req.param('kind') as ReportKind
    let key = c.req.param('key')
    const xlsx = key.endsWith('.xlsx')
    if (xlsx) key = key.slice(0, -5)
    if (!KINDS.includes(kind)) throw notFound(msg('api.thing.report_kind'))
    const period = reportPeriod(kind, key)
    if (!period) throw badRequest('report.bad_period', msg('api.report_bad_period'))
    const r = report(await villageFacts(ctx.db, u.villages), period, shanghaiDay(ctx.now()))
    if (!xlsx) return c.json(r)
    const bytes = await reportWorkbook(r, kind)
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    c.header('Content-Disposition', `attachment; filename="report-${kind}-${key}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${zh(msg(`reports.title.${kind}`))}-${key}.xlsx`)}`)
    return c.body(bytes as Uint8Array<ArrayBuffer>)
  })

  app.get('/villages/:code/ledger', async (c) => {
    const u = requireRole(c, 'viewer')
    const code = c.req.param('code')
    if (!mayUseVillage(u, code) || !(await one(ctx.db, 'SELECT 1 FROM villages WHERE code = $1', [code]))) throw notFound(msg('api.thing.village'))
    const page = Math.max(1, Math.min(100_000, Number(c.req.query('page')) || 1))
    const rows = await ctx.db.query<{ record_id: string; body: Record<string, unknown>; photos: { sha256: string; size: number; type: string }[]; received_at: Date; kiosk_id: string }>(
      `SELECT record_id, body, photos, received_at, kiosk_id FROM clerk_records
        WHERE village_code = $1 AND kind = 'ledger' AND is_current AND NOT deleted
        ORDER BY posted_on DESC, record_id LIMIT ${LEDGER_PAGE} OFFSET ${(page - 1) * LEDGER_PAGE}`,
      [code],
    )
    const total = await one<{ n: number }>(ctx.db, "SELECT count(*)::int AS n FROM clerk_records WHERE village_code = $1 AND kind = 'ledger' AND is_current AND NOT deleted", [code])
    const facts = (await villageFacts(ctx.db, [code]))[0]
    const titles = new Map((facts?.items ?? []).map((i) => [i.id, i.title]))
    return c.json({
      records: rows.map((r) => ({
        id: r.record_id,
        itemId: r.body.itemId,
        itemTitle: titles.get(r.body.itemId as string) ?? null,
        periodKey: r.body.periodKey,
        periodLabel: r.body.periodLabel,
        postedOn: r.body.postedOn,
        places: r.body.places,
        postedBy: r.body.postedBy,
        photos: r.photos,
        receivedAt: new Date(r.received_at).toISOString(),
        kioskId: r.kiosk_id,
      })),
      total: Number(total?.n ?? 0),
    })
  })

  app.get('/photos/:sha', async (c) => {
    const u = requireRole(c, 'viewer')
    const sha = c.req.param('sha')
    if (!/^[0-9a-f]{64}$/.test(sha)) throw notFound(msg('api.thing.photo'))
    // a photo is visible to whoever may see a village whose current record lists it
    const ok = await one(
      ctx.db,
      `SELECT 1 FROM clerk_records WHERE is_current AND photos @> $1::jsonb AND ($2::text[] IS NULL OR village_code = ANY($2::text[])) LIMIT 1`,
      [JSON.stringify([{ sha256: sha }]), u.villages],
    )
    const p = ok ? await one<{ bytes: Uint8Array; mime_type: string }>(ctx.db, 'SELECT bytes, mime_type FROM photos WHERE sha256 = $1', [sha]) : undefined
    if (!p) throw notFound(msg('api.thing.photo'))
    c.header('Content-Type', p.mime_type)
    c.header('Cache-Control', 'private, max-age=86400, immutable')
    return c.body(new Uint8Array(p.bytes))
  })

  return app
}
