/** Alert settings per township (admin) and a test message. */
import { Hono } from 'hono'
import * as v from 'valibot'
import { audit } from '../audit'
import { one } from '../db/db'
import { ApiError, badRequest } from '../errors'
import { readJson } from '../http/body'
import { issueList } from '../ingest/issues'
import { actorOf, requireRole } from '../auth/session'
import type { Ctx, Env } from '../context'
import { sendDigest } from './channels'
import { alertConfigOf } from './digests'
import { msg } from '../../../src/i18n/message'
import { zh } from '../i18n'

const urlOrEmpty = v.union([v.literal(''), v.pipe(v.string(), v.maxLength(500), v.url('url'), v.regex(/^https?:/, 'url'))])
const configSchema = v.object({
  channel: v.picklist(['wecom', 'dingtalk', 'smtp', 'none'], 'channel'),
  webhookUrl: v.optional(urlOrEmpty, ''),
  smtp: v.optional(
    v.object({
      host: v.optional(v.pipe(v.string(), v.maxLength(200))),
      port: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65535))),
      from: v.optional(v.pipe(v.string(), v.maxLength(200))),
      to: v.optional(v.pipe(v.string(), v.maxLength(1000))),
      secure: v.optional(v.boolean()),
      user: v.optional(v.pipe(v.string(), v.maxLength(200))),
      pass: v.optional(v.pipe(v.string(), v.maxLength(200))),
    }),
    {},
  ),
  silentMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(10080)), 60),
  behindHours: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(720)), 24),
  digestHour: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23)), 8),
  baseUrl: v.optional(urlOrEmpty, ''),
})

export function alertRoutes(ctx: Ctx) {
  const app = new Hono<Env>()
  // one township per console for now; a county's several townships pick theirs with ?township=
  const townshipOf = async (raw: string | undefined) => {
    const t = await one<{ code: string }>(ctx.db, raw ? 'SELECT code FROM townships WHERE code = $1' : 'SELECT code FROM townships ORDER BY code LIMIT 1', raw ? [raw] : [])
    if (!t) throw new ApiError(404, 'township.unknown', msg('api.township_unknown'))
    return t.code
  }
  const view = (cfg: Awaited<ReturnType<typeof alertConfigOf>>) => ({ ...cfg, smtp: { ...cfg.smtp, pass: cfg.smtp.pass ? '********' : undefined } })

  app.get('/config', async (c) => {
    requireRole(c, 'admin')
    return c.json(view(await alertConfigOf(ctx.db, await townshipOf(c.req.query('township')), ctx.config.baseUrl)))
  })

  app.put('/config', async (c) => {
    requireRole(c, 'admin')
    const township = await townshipOf(c.req.query('township'))
    const parsed = v.safeParse(configSchema, await readJson(c, 16 * 1024))
    if (!parsed.success) throw badRequest('alerts.invalid', msg('api.alerts_invalid.invalid_alert_settings'), { issues: issueList(parsed.issues) })
    const cfg = parsed.output
    if ((cfg.channel === 'wecom' || cfg.channel === 'dingtalk') && !cfg.webhookUrl) throw badRequest('alerts.invalid', msg('api.alerts_invalid.give_group_robot_webhook'), { field: 'webhookUrl' })
    if (cfg.channel === 'smtp' && (!cfg.smtp.host || !cfg.smtp.from || !cfg.smtp.to)) throw badRequest('alerts.invalid', msg('api.alerts_invalid.give_smtp_host_from'), { field: 'smtp' })
    const old = await alertConfigOf(ctx.db, township, ctx.config.baseUrl)
    const smtp = { ...cfg.smtp, ...(cfg.smtp.pass === '********' ? { pass: old.smtp.pass } : {}) }
    await ctx.db.tx(async (q) => {
      await q.query(
        `INSERT INTO alert_config (township_code, channel, webhook_url, smtp, silent_minutes, behind_hours, digest_hour, base_url) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (township_code) DO UPDATE SET channel = EXCLUDED.channel, webhook_url = EXCLUDED.webhook_url, smtp = EXCLUDED.smtp, silent_minutes = EXCLUDED.silent_minutes,
           behind_hours = EXCLUDED.behind_hours, digest_hour = EXCLUDED.digest_hour, base_url = EXCLUDED.base_url`,
        [township, cfg.channel, cfg.webhookUrl, JSON.stringify(smtp), cfg.silentMinutes, cfg.behindHours, cfg.digestHour, cfg.baseUrl],
      )
      await audit(q, actorOf(c), 'alerts.config_changed', `township:${township}`, { channel: cfg.channel, silentMinutes: cfg.silentMinutes, behindHours: cfg.behindHours, digestHour: cfg.digestHour })
    })
    return c.json(view(await alertConfigOf(ctx.db, township, ctx.config.baseUrl)))
  })

  app.post('/test', async (c) => {
    requireRole(c, 'admin')
    const township = await townshipOf(c.req.query('township'))
    const cfg = await alertConfigOf(ctx.db, township, ctx.config.baseUrl)
    if (cfg.channel === 'none') throw badRequest('alerts.none', msg('api.alerts_none'))
    try {
      await sendDigest(cfg, { kind: 'test', title: zh(msg('alerts.digest.test_title')), lines: [zh(msg('alerts.digest.test_body')), zh(msg('alerts.digest.test_link', { link: `${cfg.baseUrl}/#/fleet` }))] })
    } catch (e) {
      throw new ApiError(502, 'alerts.send_failed', msg('api.alerts_send_failed'), { reason: String((e as Error).message) })
    }
    await audit(ctx.db, actorOf(c), 'alerts.test_sent', `township:${township}`, { channel: cfg.channel })
    return c.body(null, 204)
  })

  return app
}
