/**
 * npm run township: the township console on 127.0.0.1:4180 (PORT, HOST),
 * PGlite in .township-data/ (TOWNSHIP_DATA) or PostgreSQL (DATABASE_URL).
 * Run with tsx: the server imports the kiosk's TypeScript modules directly.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildContext, listen, setupLink, startJobs } from './server'

// days are Asia/Shanghai everywhere (the compliance module reads the process's zone)
process.env.TZ = 'Asia/Shanghai'

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)))
const host = process.env.HOST ?? '127.0.0.1'
const port = Number(process.env.PORT ?? 4180)
const dataDir = resolve(process.env.TOWNSHIP_DATA ?? join(root, '.township-data'))
const webDir = resolve(process.env.TOWNSHIP_WEB_DIR ?? join(root, 'dist-township'))
const databaseUrl = process.env.DATABASE_URL || undefined

const baseUrl = process.env.TOWNSHIP_BASE_URL?.replace(/\/$/, '') ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`
const ctx = await buildContext({
  databaseUrl,
  dataDir: databaseUrl ? undefined : dataDir,
  secretDir: dataDir,
  secret: process.env.TOWNSHIP_SECRET || undefined,
  demo: process.env.TOWNSHIP_DEMO !== '0',
  config: { baseUrl, trustProxy: process.env.TRUST_PROXY === '1', kioskRatePerMinute: 300, webDir: existsSync(join(webDir, 'index.html')) ? webDir : null },
})
const { server, port: actual } = await listen(ctx, host, port)
if (actual !== port) ctx.config.baseUrl = baseUrl.replace(`:${port}`, `:${actual}`)
console.log(`gongkai township console: ${ctx.config.baseUrl}/ (${databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`})`)
if (!ctx.config.webDir) console.log('  web console not built (dist-township/ missing): the API runs; build it with npm run build:township')
const link = await setupLink(ctx)
if (link) console.log(`  首次使用：用此一次性链接创建管理员 / first run: create the admin account with this one-time link:\n  ${link}`)
const stopJobs = startJobs(ctx)

const shutdown = () => {
  stopJobs()
  server.close()
  void ctx.db.close().finally(() => process.exit(0))
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
