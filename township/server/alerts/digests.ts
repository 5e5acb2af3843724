/**
 * The daily digests: silent kiosks, kiosks behind the published revision for
 * more than behindHours, kiosks reporting an error, and (Mondays) the week's
 * 周提醒. At most one digest a day per kind per township (alert_state), sent
 * from digestHour on; each line links to the console page that explains it.
 */
import { audit, SYSTEM } from '../audit'
import { one, type Queryable } from '../db/db'
import type { Ctx } from '../context'
import { shanghaiDay } from '../days'
import { fleetOf } from '../fleet/fleet'
import { villageFacts } from '../supervision/disclosures'
import { weekly } from '../supervision/supervision'
import { sendDigest, type AlertConfig, type Digest } from './channels'
import { msg } from '../../../src/i18n/message'
import type { ComposedMessage } from '../../../src/i18n/compose'
import { zh } from '../i18n'

/** digests go to Chinese-speaking groups: their words in Chinese, from alerts.digest.* */
const d = zh

export async function alertConfigOf(q: Queryable, township: string, fallbackBase: string): Promise<AlertConfig> {
  const r = await one<{ channel: AlertConfig['channel']; webhook_url: string; smtp: AlertConfig['smtp']; silent_minutes: number; behind_hours: number; digest_hour: number; base_url: string }>(
    q,
    'SELECT channel, webhook_url, smtp, silent_minutes, behind_hours, digest_hour, base_url FROM alert_config WHERE township_code = $1',
    [township],
  )
  return {
    channel: r?.channel ?? 'none',
    webhookUrl: r?.webhook_url ?? '',
    smtp: r?.smtp ?? {},
    silentMinutes: r ? Number(r.silent_minutes) : 60,
    behindHours: r ? Number(r.behind_hours) : 24,
    digestHour: r ? Number(r.digest_hour) : 8,
    baseUrl: r?.base_url || fallbackBase,
  }
}

export async function digestsFor(ctx: Ctx, township: string, cfg: AlertConfig, now: Date): Promise<Digest[]> {
  const villages = (await ctx.db.query<{ code: string }>('SELECT code FROM villages WHERE township_code = $1', [township])).map((r) => r.code)
  const fleet = await fleetOf(ctx.db, { villages, now, silentMinutes: cfg.silentMinutes, includeRevoked: false })
  const link = (id: string) => `${cfg.baseUrl}/#/fleet?kiosk=${encodeURIComponent(id)}`
  const line = (k: (typeof fleet)[number], what: ComposedMessage) => d({ code: 'alerts.digest.kiosk_line', params: { village: k.villageName, place: k.place, what, link: link(k.id) } })
  const out: Digest[] = []
  const silent = fleet.filter((k) => k.flags.includes('silent'))
  if (silent.length)
    out.push({
      kind: 'silent',
      title: d(msg('alerts.digest.silent', { n: silent.length, minutes: cfg.silentMinutes })),
      lines: silent.map((k) => line(k, k.lastSeen ? msg('alerts.digest.last_seen', { at: k.lastSeen.replace('T', ' ').slice(0, 16) }) : msg('alerts.digest.never_seen'))),
    })
  const behindBefore = now.getTime() - cfg.behindHours * 3600_000
  const behind = fleet.filter((k) => k.flags.includes('behind') && k.latestPublishedAt && Date.parse(k.latestPublishedAt) < behindBefore)
  if (behind.length)
    out.push({
      kind: 'behind',
      title: d(msg('alerts.digest.behind', { n: behind.length })),
      lines: behind.map((k) => line(k, msg('alerts.digest.revisions', { revision: k.contentRevision ?? '—', latest: k.latestRevision ?? '—' }))),
    })
  const errors = fleet.filter((k) => k.flags.includes('error'))
  // the kiosk reported its error in words (heartbeat lastError, Chinese and English): the Chinese one goes in
  if (errors.length)
    out.push({ kind: 'error', title: d(msg('alerts.digest.error', { n: errors.length })), lines: errors.map((k) => line(k, msg('alerts.digest.reported', { error: k.lastError?.zh ?? '', code: k.lastError?.code ?? '' }))) })
  const day = shanghaiDay(now)
  if (new Date(`${day}T12:00:00Z`).getUTCDay() === 1) {
    const w = weekly(await villageFacts(ctx.db, villages), day)
    if (w.villages.length)
      out.push({
        kind: 'weekly',
        title: d(msg('alerts.digest.weekly', { from: w.from, to: w.to })),
        lines: w.villages.flatMap((v) => [
          d(msg('alerts.digest.weekly_village', { name: v.name })),
          ...v.items.map((i) =>
            d({ code: 'alerts.digest.weekly_item', params: { title: i.title, state: msg(`supervision.state_name.${i.state}`), due: i.due ?? '', link: `${cfg.baseUrl}/#/supervision?village=${v.code}` } }),
          ),
        ]),
      })
  }
  return out
}

/** Sends what is due now; returns the kinds sent. Failures are logged to the audit log and retried at the next run. */
export async function runAlerts(ctx: Ctx, now = ctx.now()): Promise<string[]> {
  const sent: string[] = []
  const day = shanghaiDay(now)
  const hour = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(11, 13))
  for (const { code } of await ctx.db.query<{ code: string }>('SELECT code FROM townships ORDER BY code')) {
    const cfg = await alertConfigOf(ctx.db, code, ctx.config.baseUrl)
    if (cfg.channel === 'none' || hour < cfg.digestHour) continue
    const already = new Set((await ctx.db.query<{ kind: string }>('SELECT kind FROM alert_state WHERE township_code = $1 AND last_sent_day = $2', [code, day])).map((r) => r.kind))
    for (const d of await digestsFor(ctx, code, cfg, now)) {
      if (already.has(d.kind)) continue
      try {
        await sendDigest(cfg, d)
      } catch (e) {
        await audit(ctx.db, SYSTEM, 'alert.failed', `township:${code}`, { kind: d.kind, reason: String((e as Error).message) })
        continue
      }
      await ctx.db.query(
        'INSERT INTO alert_state (township_code, kind, last_sent_day, last_sent_at) VALUES ($1, $2, $3, $4) ON CONFLICT (township_code, kind) DO UPDATE SET last_sent_day = EXCLUDED.last_sent_day, last_sent_at = EXCLUDED.last_sent_at',
        [code, d.kind, day, now],
      )
      await audit(ctx.db, SYSTEM, 'alert.sent', `township:${code}`, { kind: d.kind, channel: cfg.channel, lines: d.lines.length })
      sent.push(d.kind)
    }
  }
  return sent
}
