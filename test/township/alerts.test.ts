import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAlerts } from '../../township/server/alerts/digests'
import { runRetention } from '../../township/server/retention'
import { DEMO_TOWNSHIP } from '../../township/server/demo/seed'
import { ENGINE, errorOf, startHarness, type Harness, type Jar } from './support'

/** A local group-robot webhook: records every JSON body it gets and answers like the robots do. */
function webhookReceiver() {
  const bodies: unknown[] = []
  const server: Server = createServer((req: IncomingMessage, res) => {
    let data = ''
    req.on('data', (c) => (data += c))
    req.on('end', () => {
      bodies.push(JSON.parse(data))
      res.setHeader('content-type', 'application/json')
      res.end('{"errcode":0,"errmsg":"ok"}')
    })
  })
  return new Promise<{ url: string; bodies: unknown[]; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/robot/send?key=test`, bodies, close: () => new Promise((r) => server.close(() => r())) })),
  )
}

// a Monday at 09:00 China time, after the digest hour: every kind may go out
const MONDAY = new Date('2026-11-30T01:00:00Z')

describe(`alerts (${ENGINE})`, () => {
  let h: Harness
  let admin: Jar
  let hook: Awaited<ReturnType<typeof webhookReceiver>>
  beforeAll(async () => {
    hook = await webhookReceiver()
    h = await startHarness({ demo: true, now: () => MONDAY })
    admin = await h.admin()
  }, 120_000)
  afterAll(async () => {
    await hook.close()
    await h.close()
  }, 60_000)

  const configure = (body: Record<string, unknown>) => h.req('/api/alerts/config', { method: 'PUT', json: body, jar: admin })

  it('bad settings are refused with the reason and nothing changes', async () => {
    const res = await configure({ channel: 'wecom', webhookUrl: '' })
    expect((await errorOf(res)).code).toBe('alerts.invalid')
    const bad = await configure({ channel: 'pager', webhookUrl: 'x' })
    expect(bad.status).toBe(400)
    expect(((await (await h.req('/api/alerts/config', { jar: admin })).json()) as { channel: string }).channel).toBe('none')
  })

  it('企业微信: one markdown digest per kind a day, each linking to the console page', async () => {
    expect((await configure({ channel: 'wecom', webhookUrl: hook.url, silentMinutes: 60, behindHours: 1, digestHour: 8, baseUrl: 'http://console.example' })).status).toBe(200)
    const sent = await runAlerts(h.ctx, MONDAY)
    // the revision came out just now: 柳塘村's kiosk is behind, but not yet for more than behindHours
    expect(sent.sort()).toEqual(['error', 'silent', 'weekly'])
    expect(hook.bodies).toHaveLength(sent.length)
    const silent = hook.bodies.find((b) => (b as { markdown: { content: string } }).markdown.content.includes('离线')) as { msgtype: string; markdown: { content: string } }
    expect(silent.msgtype).toBe('markdown')
    expect(silent.markdown.content).toMatch(/石桥村/)
    expect(silent.markdown.content).toMatch(/http:\/\/console\.example\/#\/fleet\?kiosk=gk-/)
    // the same day again: no flood
    expect(await runAlerts(h.ctx, new Date(MONDAY.getTime() + 3600_000))).toEqual([])
    expect(hook.bodies).toHaveLength(sent.length)
    // the next day the standing problems are sent again, once (no weekly on a Tuesday)
    const tuesday = await runAlerts(h.ctx, new Date(MONDAY.getTime() + 86_400_000))
    expect(tuesday.sort()).toEqual(['behind', 'error', 'silent'])
    expect(JSON.stringify(hook.bodies.at(-1))).toMatch(/柳塘村|石桥村/)
    expect(await h.count('audit_log', "action = 'alert.sent'")).toBe(sent.length + tuesday.length)
  })

  it('钉钉: the markdown body has title and text', async () => {
    hook.bodies.length = 0
    await configure({ channel: 'dingtalk', webhookUrl: hook.url, silentMinutes: 60, behindHours: 24, digestHour: 8 })
    expect((await h.req('/api/alerts/test', { method: 'POST', jar: admin })).status).toBe(204)
    const b = hook.bodies[0] as { msgtype: string; markdown: { title: string; text: string } }
    expect(b.msgtype).toBe('markdown')
    expect(b.markdown.title).toBe('乡镇工作台测试消息')
    expect(b.markdown.text).toMatch(/#\/fleet/)
  })

  it('e-mail through SMTP (a local smtp-server)', async () => {
    const mails: string[] = []
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _s, cb) {
        let d = ''
        stream.on('data', (c) => (d += c))
        stream.on('end', () => {
          mails.push(d)
          cb()
        })
      },
    })
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()))
    const port = (smtp.server.address() as AddressInfo).port
    await configure({ channel: 'smtp', smtp: { host: '127.0.0.1', port, from: 'console@town.example', to: 'staff@town.example' }, silentMinutes: 60, behindHours: 24, digestHour: 8 })
    const sent = await runAlerts(h.ctx, new Date(MONDAY.getTime() + 2 * 86_400_000))
    await new Promise<void>((r) => smtp.close(() => r()))
    expect(sent).toEqual(expect.arrayContaining(['silent', 'error']))
    expect(mails).toHaveLength(sent.length)
    expect(mails.join('\n')).toMatch(/staff@town\.example/)
  })

  it('a failing channel is logged and retried at the next run, not marked sent', async () => {
    await configure({ channel: 'wecom', webhookUrl: 'http://127.0.0.1:9/nothing-here', silentMinutes: 60, behindHours: 24, digestHour: 8 })
    const day = new Date(MONDAY.getTime() + 3 * 86_400_000)
    expect(await runAlerts(h.ctx, day)).toEqual([])
    expect(await h.count('audit_log', "action = 'alert.failed'")).toBeGreaterThan(0)
    expect(await h.count('alert_state', 'township_code = $1 AND last_sent_day = $2', [DEMO_TOWNSHIP.code, '2026-12-03'])).toBe(0)
  })

  it('retention drops raw heartbeats past 90 days and keeps the daily roll-ups', async () => {
    const daily = await h.count('heartbeat_daily')
    const raw = await h.count('heartbeats')
    const later = new Date(MONDAY.getTime() + 30 * 86_400_000)
    const r = await runRetention(h.ctx, later)
    expect(r.heartbeatsDeleted).toBeGreaterThan(0)
    expect(await h.count('heartbeats')).toBe(raw - r.heartbeatsDeleted)
    expect(await h.count('heartbeats', 'received_at < $1', [new Date(later.getTime() - 90 * 86_400_000)])).toBe(0)
    expect(await h.count('heartbeat_daily')).toBe(daily)
    expect(await h.count('audit_log', "action = 'ingest.summary'")).toBe(1)
  })
})
