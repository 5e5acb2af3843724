/**
 * Where a digest goes: a 企业微信 group robot, a 钉钉 group robot (their
 * markdown message JSON) or e-mail (nodemailer over SMTP).
 */
import nodemailer from 'nodemailer'

export interface AlertConfig {
  channel: 'wecom' | 'dingtalk' | 'smtp' | 'none'
  webhookUrl: string
  smtp: { host?: string; port?: number; from?: string; to?: string; secure?: boolean; user?: string; pass?: string }
  silentMinutes: number
  behindHours: number
  digestHour: number
  baseUrl: string
}

export interface Digest {
  kind: string
  title: string
  /** markdown lines */
  lines: string[]
}

export function webhookBody(channel: 'wecom' | 'dingtalk', d: Digest) {
  const text = `### ${d.title}\n${d.lines.join('\n')}`
  return channel === 'wecom' ? { msgtype: 'markdown', markdown: { content: text } } : { msgtype: 'markdown', markdown: { title: d.title, text } }
}

export async function sendDigest(cfg: AlertConfig, d: Digest): Promise<void> {
  if (cfg.channel === 'none') return
  if (cfg.channel === 'smtp') {
    const s = cfg.smtp
    if (!s.host || !s.to || !s.from) throw new Error('SMTP host, from and to are required')
    const t = nodemailer.createTransport({ host: s.host, port: s.port ?? 25, secure: s.secure ?? false, ...(s.user ? { auth: { user: s.user, pass: s.pass ?? '' } } : {}), tls: { rejectUnauthorized: false } })
    await t.sendMail({ from: s.from, to: s.to, subject: d.title, text: d.lines.join('\n') })
    t.close()
    return
  }
  const res = await fetch(cfg.webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(webhookBody(cfg.channel, d)), signal: AbortSignal.timeout(10_000) })
  if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`)
  // both robots answer 200 with {errcode: 0} on success, another errcode on a refusal
  const j = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string }
  if (j.errcode && j.errcode !== 0) throw new Error(`webhook refused: ${j.errcode} ${j.errmsg ?? ''}`)
}
