/**
 * Township console benchmarks (figures, not tests): npm run bench:township
 *
 *   1. heartbeat ingest per second over HTTP, on PGlite and on PostgreSQL
 *   2. GET /api/fleet p95 with KIOSKS kiosks × DAYS days of heartbeats (PostgreSQL)
 *   3. GET /api/supervision p95 with VILLAGES villages × 30 items × 3 years of ledger (PostgreSQL)
 *
 * PostgreSQL is a throw-away cluster (scripts/pg-cluster.mjs). --smoke runs
 * tiny sizes to check the harness. Sizes: BENCH_KIOSKS (500), BENCH_DAYS (90),
 * BENCH_VILLAGES (300), BENCH_BEATS (3000); BENCH_PG_PORT picks the cluster's port.
 * --ingest runs only the two ingest figures (for profiling the server: node --cpu-prof);
 * --ingest=pglite or --ingest=postgres only one of them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { startCluster } from '../../scripts/pg-cluster.mjs'
import type { Ctx } from '../../township/server/context'
import { openDb } from '../../township/server/db/open'
import { publishFeed } from '../../township/server/feeds/publish'
import { enrolKiosk } from '../../township/server/kiosks/routes'
import { buildContext, listen } from '../../township/server/server'
import { hashPassword } from '../../township/server/auth/password'

process.env.TZ = 'Asia/Shanghai'
const smoke = process.argv.includes('--smoke')
const ingestArg = process.argv.find((a) => a === '--ingest' || a.startsWith('--ingest='))
const ingestOnly = ingestArg !== undefined
const ingestEngine = ingestArg?.split('=')[1]
const KIOSKS = smoke ? 5 : Number(process.env.BENCH_KIOSKS ?? 500)
const DAYS = smoke ? 2 : Number(process.env.BENCH_DAYS ?? 90)
const VILLAGES = smoke ? 3 : Number(process.env.BENCH_VILLAGES ?? 300)
const BEATS = smoke ? 200 : Number(process.env.BENCH_BEATS ?? 3000)
const REQUESTS = smoke ? 5 : 40

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!
const ms = (n: number) => `${n.toFixed(1)} ms`
const rows: string[][] = []

async function context(o: { databaseUrl?: string; dataDir?: string }): Promise<{ ctx: Ctx; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'gk-bench-'))
  const db = await openDb({ databaseUrl: o.databaseUrl, dataDir: o.dataDir ? join(dir, 'data') : undefined })
  const ctx = await buildContext({ db, secretDir: dir, secret: 'bench', demo: false, config: { trustProxy: false, kioskRatePerMinute: 1_000_000, webDir: null, baseUrl: 'http://127.0.0.1' } })
  await ctx.db.query("INSERT INTO townships (code, name) VALUES ('341000001', '测试镇')")
  return { ctx, dir }
}

/** CPU seconds (user + system) of the calling thread so far (Linux /proc, in USER_HZ = 100 ticks), or NaN */
function threadCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(f[11]) + Number(f[12])) / 100
  } catch {
    return NaN
  }
}

/** The heartbeat client (plain JS for a worker thread): 50 warm-up beats, then `beats` with `inFlight` at a time; posts 'timing' when the timed part starts, then {rate, retries, cpu}. */
const LOAD_GENERATOR = `
const { parentPort, workerData: { url, tokens, beats, inFlight } } = require('node:worker_threads')
// as threadCpuSeconds above, in the worker's own plain JS
const threadCpu = () => {
  try {
    const stat = require('node:fs').readFileSync('/proc/thread-self/stat', 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(f[11]) + Number(f[12])) / 100
  } catch {
    return NaN
  }
}
const body = (n) => {
  const k = tokens[n % tokens.length]
  const now = new Date()
  return JSON.stringify({ format: 1, id: now.getTime().toString(36) + '-' + n, kioskId: k.id, village: '一村', appVersion: '0.1.0', contentRevision: 3, lastSuccessfulSync: now.toISOString(), lastError: null, storageUsed: 1, storageQuota: 2, uptime: n, createdAt: now.toISOString(), clockOk: true, sources: [], token: k.token })
}
// node:http with a keep-alive agent, not fetch: undici's fetch cost ~0.9 ms of CPU a request in this
// thread, so on a 2-core machine the client, not the server, set the pace
const http = require('node:http')
const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight })
const post = (b) => new Promise((resolve, reject) => {
  const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(b) } }, (res) => {
    let text = ''
    res.setEncoding('utf8')
    res.on('data', (d) => (text += d))
    res.on('end', () => resolve({ status: res.statusCode, text: async () => text }))
  })
  req.on('error', (e) => reject(new Error('fetch failed: ' + e.message)))
  req.end(b)
})
;(async () => {
  for (let i = 0; i < 50; i++) await post(body(beats + i))
  let next = 0
  let retries = 0
  const t0 = performance.now()
  parentPort.postMessage('timing')
  const cpu0 = threadCpu()
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < beats) {
      const n = next++
      const b = body(n)
      // a kept-alive connection the server closed meanwhile (ECONNRESET) is retried: the heartbeat id makes a resend free
      for (let attempt = 0; ; attempt++) {
        try {
          const r = await post(b)
          if (r.status !== 204) throw new Error('heartbeat ' + n + ': ' + r.status + ' ' + (await r.text()))
          break
        } catch (e) {
          if (attempt >= 3 || !/fetch failed/.test(String(e))) throw e
          retries++
        }
      }
    }
  }))
  parentPort.postMessage({ rate: beats / ((performance.now() - t0) / 1000), retries, cpu: threadCpu() - cpu0 })
})()
`

/** CPU seconds used so far by the processes named postgres (the bench's cluster; Linux /proc), or NaN */
function postgresCpuSeconds(): number {
  try {
    let ticks = 0
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
        if (!stat.includes('(postgres)')) continue
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        ticks += Number(f[11]) + Number(f[12]) // utime + stime, fields 14 and 15
      } catch {
        // the process ended meanwhile
      }
    }
    return ticks / 100 // USER_HZ
  } catch {
    return NaN
  }
}

interface IngestFigures {
  rate: number
  /** CPU ms a heartbeat over the timed beats: the server's thread, the client's thread, all postgres processes (NaN on PGlite) */
  server: number
  client: number
  db: number
  /** share of the timed run the server's event loop was busy */
  serverBusy: number
}

/** heartbeats/s over real HTTP, 16 at a time, from 50 kiosks */
async function ingest(ctx: Ctx): Promise<IngestFigures> {
  await ctx.db.query("INSERT INTO villages (code, township_code, name) VALUES ('341000001001', '341000001', '一村')")
  const tokens: { id: string; token: string }[] = []
  for (let i = 0; i < 50; i++) {
    const r = await enrolKiosk(ctx, ctx.db, { villageCode: '341000001001', place: `屏 ${i}`, userId: null })
    tokens.push({ id: r.kiosk.id, token: r.config.kioskToken })
  }
  const { server, port } = await listen(ctx, '127.0.0.1', 0)
  // the client runs in a worker thread: its fetch/undici work is not charged to the server's event loop
  const worker = new Worker(LOAD_GENERATOR, { eval: true, workerData: { url: `http://127.0.0.1:${port}/api/kiosk/heartbeat`, tokens, beats: BEATS, inFlight: 16 } })
  let elu0 = performance.eventLoopUtilization()
  let cpu0 = NaN
  let db0 = NaN
  const { rate, retries, cpu } = await new Promise<{ rate: number; retries: number; cpu: number }>((resolve, reject) => {
    worker.on('message', (m: 'timing' | { rate: number; retries: number; cpu: number }) => {
      // 'timing': the warm-up is over, the timed beats start
      if (m !== 'timing') return resolve(m)
      elu0 = performance.eventLoopUtilization()
      cpu0 = threadCpuSeconds()
      db0 = ctx.db.kind === 'postgres' ? postgresCpuSeconds() : NaN
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the heartbeat client stopped (exit ${code})`)))
  })
  const perBeat = (seconds: number) => (seconds / BEATS) * 1000
  const figures = { rate, server: perBeat(threadCpuSeconds() - cpu0), client: perBeat(cpu), db: perBeat(postgresCpuSeconds() - db0), serverBusy: performance.eventLoopUtilization(elu0).utilization }
  await worker.terminate()
  await new Promise((r) => server.close(() => r(null)))
  if (retries) console.log(`(${retries} heartbeats resent after a reset connection)`)
  return figures
}

const ingestSetup = (i: IngestFigures) =>
  `${BEATS} heartbeats over HTTP, 16 in flight, 50 kiosks; CPU a beat: server thread ${i.server.toFixed(2)} ms (busy ${Math.round(i.serverBusy * 100)} %), ` +
  `client thread ${i.client.toFixed(2)} ms${Number.isNaN(i.db) ? '' : `, postgres ${i.db.toFixed(2)} ms`}`

/** REQUESTS timings after 3 warm-up requests; `first` is the very first (cold caches) */
async function timed(url: string, cookie: string): Promise<number[] & { first?: number }> {
  const out: number[] & { first?: number } = []
  for (let i = 0; i < REQUESTS + 3; i++) {
    const t = performance.now()
    const r = await fetch(url, { headers: { cookie } })
    await r.arrayBuffer()
    if (r.status !== 200) throw new Error(`${url}: ${r.status}`)
    if (i === 0) out.first = performance.now() - t
    if (i >= 3) out.push(performance.now() - t)
  }
  return out
}

async function session(ctx: Ctx): Promise<string> {
  const u = await ctx.db.query<{ id: number }>("INSERT INTO users (username, display_name, role, password_hash) VALUES ('bench', 'bench', 'viewer', $1) RETURNING id", [await hashPassword('bench password 1')])
  const id = 'bench-session-id'
  const { sha256Hex } = await import('../../township/server/tokens')
  await ctx.db.query("INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, 'x', now() + interval '1 day')", [sha256Hex(id), u[0]!.id])
  return `gk_session=${id}`
}

async function fleetBench(ctx: Ctx): Promise<{ rows: number; p95: number; seedSeconds: number; history: number }> {
  const t0 = performance.now()
  const villages = Math.ceil(KIOSKS / 5)
  await ctx.db.query("INSERT INTO villages (code, township_code, name) SELECT '341000002' || lpad(g::text, 3, '0'), '341000001', '村' || g FROM generate_series(1, $1) g", [villages])
  await ctx.db.query(
    `INSERT INTO kiosks (id, village_code, place, token_hash)
     SELECT 'k' || g, v.code, '屏 ' || g, md5('t' || g) FROM generate_series(1, $1) g
       JOIN LATERAL (SELECT code FROM villages ORDER BY code OFFSET (g % $2) LIMIT 1) v ON true`,
    [KIOSKS, villages],
  )
  // 500 kiosks × 90 days × 144 a day, in batches of 50 kiosks
  for (let from = 1; from <= KIOSKS; from += 50) {
    await ctx.db.query(
      `INSERT INTO heartbeats (kiosk_id, id, received_at, created_at, app_version, content_revision, last_error, storage_used, storage_quota, clock_ok, raw)
       SELECT 'k' || g, to_char(t, 'YYYYMMDDHH24MI'), t, t, '0.1.0', 3, NULL, 1000, 2000, true, '{"format":1}'::jsonb
         FROM generate_series($1::int, $2::int) g, generate_series(now() - make_interval(days => $3::int), now(), interval '10 minutes') t`,
      [from, Math.min(KIOSKS, from + 49), DAYS],
    )
  }
  await ctx.db.query(
    `INSERT INTO kiosk_latest (kiosk_id, heartbeat_id, received_at, created_at, app_version, content_revision, last_error, storage_used, storage_quota, clock_ok)
     SELECT DISTINCT ON (kiosk_id) kiosk_id, id, received_at, created_at, app_version, content_revision, last_error, storage_used, storage_quota, clock_ok FROM heartbeats ORDER BY kiosk_id, received_at DESC ON CONFLICT (kiosk_id) DO NOTHING`,
  )
  await ctx.db.query(
    `INSERT INTO heartbeat_daily (kiosk_id, day, first_seen, last_seen, beats, minutes_online, revisions, error_count)
     SELECT kiosk_id, (received_at AT TIME ZONE 'Asia/Shanghai')::date, min(received_at), max(received_at), count(*), least(1440, count(*) * 10), ARRAY[3], 0 FROM heartbeats GROUP BY 1, 2 ON CONFLICT (kiosk_id, day) DO NOTHING`,
  )
  await ctx.db.query('ANALYZE')
  const seedSeconds = (performance.now() - t0) / 1000
  const n = Number((await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM heartbeats'))[0]!.n)
  const cookie = await session(ctx)
  const { server, port } = await listen(ctx, '127.0.0.1', 0)
  const times = await timed(`http://127.0.0.1:${port}/api/fleet`, cookie)
  const history = await timed(`http://127.0.0.1:${port}/api/fleet/k1/history?days=90`, cookie)
  await new Promise((r) => server.close(() => r(null)))
  return { rows: n, p95: p95(times), seedSeconds, history: p95(history) }
}

async function supervisionBench(ctx: Ctx): Promise<{ records: number; p95: number; items: number; cold: number; changed: number }> {
  const source = JSON.parse(readFileSync(new URL('../../demo/feed.source.json', import.meta.url), 'utf8'))
  // 30 items: the demo's 28 and two more monthly ones
  const extra = [1, 2].map((i) => ({ ...source._gongkai.checklist.find((c: { id: string }) => c.id === 'CF-01'), id: `CF-9${i}`, title: `月度事项 ${i}` }))
  source._gongkai.checklist.push(...extra)
  for (let v = 1; v <= VILLAGES; v++) {
    const code = `34100000${String(3000 + v).padStart(4, '0')}`
    await ctx.db.query("INSERT INTO villages (code, township_code, name) VALUES ($1, '341000001', $2)", [code, `监督村${v}`])
    const doc = structuredClone(source)
    doc._gongkai.village = { ...doc._gongkai.village, code, name: `监督村${v}` }
    doc._gongkai.revision = 1
    await publishFeed(ctx.db, ctx.signer, { village: code, document: doc, now: new Date() })
  }
  await ctx.db.query("INSERT INTO kiosks (id, village_code, place, token_hash) SELECT 'sk' || code, code, '屏', md5(code) FROM villages WHERE name LIKE '监督村%'")
  // every item, every month for three years: one record per month (the key a monthly item uses, else the month's 5th as an event day)
  await ctx.db.query(
    `INSERT INTO clerk_records (village_code, kind, record_id, version, kiosk_id, body, item_id, period_key, posted_on)
     SELECT v.code, 'ledger', 'l-' || i.id || '-' || to_char(m, 'YYYYMM'), 1, 'sk' || v.code, '{}'::jsonb, i.id,
            CASE WHEN i.freq IN ('monthly') THEN to_char(m, 'YYYY-MM') ELSE to_char(m + interval '4 days', 'YYYY-MM-DD') END,
            to_char(m + interval '1 month' + ((hashtext(v.code || i.id || m::text) % 14 + 14) % 14) * interval '1 day', 'YYYY-MM-DD')
       FROM villages v,
            jsonb_to_recordset($1::jsonb) AS i(id text, freq text),
            generate_series(date_trunc('month', now()) - interval '36 months', date_trunc('month', now()) - interval '1 month', interval '1 month') m
      WHERE v.name LIKE '监督村%'`,
    [JSON.stringify(source._gongkai.checklist.map((c: { id: string; frequency: { type: string } }) => ({ id: c.id, freq: c.frequency.type })))],
  )
  await ctx.db.query('ANALYZE')
  const records = Number((await ctx.db.query<{ n: number }>("SELECT count(*)::int AS n FROM clerk_records WHERE kind = 'ledger'"))[0]!.n)
  const cookie = await session(ctx)
  const { server, port } = await listen(ctx, '127.0.0.1', 0)
  const times = await timed(`http://127.0.0.1:${port}/api/supervision`, cookie)
  // one village's ledger changes between requests: that village is read and judged again, the rest come from the cache
  const changed: number[] = []
  for (let i = 0; i < Math.min(REQUESTS, 20); i++) {
    await ctx.db.query("UPDATE clerk_records SET received_at = now() WHERE (village_code, kind, record_id, version) IN (SELECT village_code, kind, record_id, version FROM clerk_records WHERE village_code = (SELECT code FROM villages WHERE name LIKE '监督村%' ORDER BY random() LIMIT 1) LIMIT 1)")
    const t = performance.now()
    await (await fetch(`http://127.0.0.1:${port}/api/supervision`, { headers: { cookie } })).arrayBuffer()
    changed.push(performance.now() - t)
  }
  await new Promise((r) => server.close(() => r(null)))
  return { records, p95: p95(times), items: source._gongkai.checklist.length, cold: times.first ?? NaN, changed: p95(changed) }
}

const started = Date.now()
/** thrown to skip the page benchmarks under --ingest (the cluster is still stopped in finally) */
const DONE = Symbol('ingest only')
if (ingestEngine !== 'postgres') {
  const { ctx, dir } = await context({ dataDir: 'yes' })
  const i = await ingest(ctx)
  rows.push(['heartbeat ingest, PGlite', `${Math.round(i.rate)} /s`, '≥ 1,000 /s', ingestSetup(i)])
  await ctx.db.close()
  rmSync(dir, { recursive: true, force: true })
}
const cluster = ingestEngine === 'pglite' ? null : await startCluster({ port: process.env.BENCH_PG_PORT ? Number(process.env.BENCH_PG_PORT) : undefined })
try {
  if (cluster) {
    const { ctx, dir } = await context({ databaseUrl: cluster.url })
    const i = await ingest(ctx)
    rows.push(['heartbeat ingest, PostgreSQL', `${Math.round(i.rate)} /s`, '≥ 3,000 /s', ingestSetup(i)])
    if (ingestOnly) {
      await ctx.db.close()
      throw DONE
    }
    const f = await fleetBench(ctx)
    rows.push(['GET /api/fleet p95, PostgreSQL', ms(f.p95), '≤ 100 ms', `${KIOSKS} kiosks, ${f.rows.toLocaleString('en')} heartbeat rows (${DAYS} days; seeded in ${f.seedSeconds.toFixed(0)} s)`])
    rows.push(['GET /api/fleet/<kiosk>/history?days=90 p95', ms(f.history), '', 'from heartbeat_daily'])
    await ctx.db.close()
    rmSync(dir, { recursive: true, force: true })
  }
  if (cluster) {
    const c = await import('pg')
    const admin = new c.default.Client({ connectionString: cluster.url })
    await admin.connect()
    await admin.query('CREATE DATABASE supervision')
    await admin.end()
    const { ctx, dir } = await context({ databaseUrl: cluster.url.replace(/\/postgres$/, '/supervision') })
    const s = await supervisionBench(ctx)
    rows.push(['GET /api/supervision p95, PostgreSQL', ms(s.p95), '≤ 200 ms', `${VILLAGES} villages × ${s.items} items, ${s.records.toLocaleString('en')} ledger records (3 years); data unchanged between requests`])
    rows.push(['… p95 when one village changed before each request', ms(s.changed), '', 'that village read and judged again'])
    rows.push(['… first request (cold caches)', ms(s.cold), '', 'every village read, every feed parsed, all judged'])
    await ctx.db.close()
    rmSync(dir, { recursive: true, force: true })
  }
} catch (e) {
  if (e !== DONE) throw e
} finally {
  cluster?.stop()
}
console.log(`\n| measure | result | target | setup |\n|---|---|---|---|\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}`)
console.log(`\n(${smoke ? 'smoke sizes; ' : ''}${Math.round((Date.now() - started) / 1000)} s in all)`)
