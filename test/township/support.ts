/**
 * The township API tests' harness: a console on PGlite in memory, or — when
 * TOWNSHIP_TEST_DATABASE_URL is set — on a fresh database of that PostgreSQL
 * server (created per test file, dropped after). The same suite runs on both.
 * Requests go through app.request (no sockets); a signed-in staffer is a
 * cookie jar plus the CSRF token.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { createApp } from '../../township/server/app'
import { issueSetupToken } from '../../township/server/auth/routes'
import type { Ctx } from '../../township/server/context'
import type { Db } from '../../township/server/db/db'
import { openDb } from '../../township/server/db/open'
import { buildContext } from '../../township/server/server'
import { forgetKioskTokens } from '../../township/server/ingest/kioskAuth'

process.env.TZ = 'Asia/Shanghai'

export const PG_URL = process.env.TOWNSHIP_TEST_DATABASE_URL || undefined
export const ENGINE = PG_URL ? 'postgres' : 'pglite'

export interface Harness {
  ctx: Ctx
  app: ReturnType<typeof createApp>
  /** a request as from a browser or kiosk; JSON bodies are encoded */
  req(path: string, init?: RequestInit & { json?: unknown; jar?: Jar }): Promise<Response>
  /** signs in the first admin through the one-time setup link */
  admin(): Promise<Jar>
  login(username: string, password: string): Promise<Jar>
  count(table: string, where?: string, params?: unknown[]): Promise<number>
  close(): Promise<void>
}

export interface Jar {
  cookie: string
  csrf: string
}

export const ADMIN_PASSWORD = 'correct horse battery'

export async function startHarness(o: { demo?: boolean; now?: () => Date; config?: Partial<Ctx['config']> } = {}): Promise<Harness> {
  const secretDir = mkdtempSync(join(tmpdir(), 'gk-township-test-'))
  let db: Db
  let dropDb: (() => Promise<void>) | null = null
  if (PG_URL) {
    const name = `gk_test_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: PG_URL })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const url = new URL(PG_URL)
    url.pathname = `/${name}`
    db = await openDb({ databaseUrl: url.toString() })
    dropDb = async () => {
      const c = new pg.Client({ connectionString: PG_URL })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    }
  } else {
    db = await openDb({})
  }
  forgetKioskTokens()
  const ctx = await buildContext({
    db,
    secretDir,
    secret: 'test secret for the township console',
    demo: o.demo ?? false,
    now: o.now,
    config: { trustProxy: false, kioskRatePerMinute: 300, webDir: null, baseUrl: 'http://console.test', ...o.config },
  })
  const app = createApp(ctx)
  const req: Harness['req'] = (path, init = {}) => {
    const headers = new Headers(init.headers)
    let body = init.body
    if (init.json !== undefined) {
      body = JSON.stringify(init.json)
      if (!headers.has('content-type')) headers.set('content-type', 'application/json')
    }
    if (init.jar) {
      headers.set('cookie', init.jar.cookie)
      if (init.method && init.method !== 'GET' && !headers.has('x-csrf-token')) headers.set('x-csrf-token', init.jar.csrf)
    }
    return Promise.resolve(app.request(path, { ...init, headers, body }))
  }
  const jarOf = async (res: Response): Promise<Jar> => {
    const set = res.headers.get('set-cookie') ?? ''
    const cookie = /gk_session=[^;]+/.exec(set)?.[0] ?? ''
    const j = (await res.json()) as { csrfToken: string }
    return { cookie, csrf: j.csrfToken }
  }
  const h: Harness = {
    ctx,
    app,
    req,
    async admin() {
      const token = await issueSetupToken(ctx)
      const res = await req('/api/setup', { method: 'POST', json: { setupToken: token, username: 'admin', displayName: '管理员', password: ADMIN_PASSWORD } })
      if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`)
      return jarOf(res)
    },
    async login(username, password) {
      const res = await req('/api/auth/login', { method: 'POST', json: { username, password } })
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`)
      return jarOf(res)
    },
    async count(table, where = 'true', params = []) {
      const r = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params)
      return Number(r[0]!.n)
    },
    async close() {
      await ctx.db.close()
      await dropDb?.()
      rmSync(secretDir, { recursive: true, force: true })
    },
  }
  return h
}

/** A township with one village (no demo): the smallest world a test needs. */
export async function smallTownship(h: Harness, villages = [{ code: '341000000101', name: '青山村' }]) {
  await h.ctx.db.query("INSERT INTO townships (code, name) VALUES ('341000001', '测试镇') ON CONFLICT DO NOTHING")
  for (const v of villages) await h.ctx.db.query("INSERT INTO villages (code, township_code, name) VALUES ($1, '341000001', $2)", [v.code, v.name])
}

export async function enrol(h: Harness, jar: Jar, villageCode = '341000000101', place = '村便民服务大厅 1 号屏') {
  const res = await h.req('/api/kiosks', { method: 'POST', json: { villageCode, place }, jar })
  if (res.status !== 201) throw new Error(`enrol failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as { kiosk: { id: string }; config: { kioskId: string; kioskToken: string; publicKey: string; feedUrl: string; statusUrl: string; clerkUploadUrl: string; villageCode: string } }
}

let seq = 0
/** A format 1 heartbeat as the kiosk builds it. */
export function heartbeat(kioskId: string, over: Record<string, unknown> = {}, at = new Date()) {
  seq++
  return {
    format: 1,
    id: `${at.getTime().toString(36).padStart(9, '0')}-${String(seq).padStart(6, '0')}`,
    kioskId,
    village: '青山村',
    appVersion: '0.1.0',
    contentRevision: 3,
    lastSuccessfulSync: at.toISOString(),
    lastError: null,
    storageUsed: 1000,
    storageQuota: 100000,
    uptime: 60,
    createdAt: at.toISOString(),
    clockOk: true,
    sources: [],
    ...over,
  }
}

export async function errorOf(res: Response): Promise<{ code: string; zh: string; en: string; detail: Record<string, unknown> }> {
  const j = (await res.json()) as { error: { code: string; zh: string; en: string; detail: Record<string, unknown> } }
  return j.error
}
