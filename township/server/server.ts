/**
 * Putting the console together: database (migrated), signing key, app, the
 * demo seed, the first-run link, and the daily jobs. main.ts calls this with
 * the environment; tests call it with their own settings.
 */
import { serve, type ServerType } from '@hono/node-server'
import { createApp } from './app'
import { issueSetupToken, needsAdmin } from './auth/routes'
import type { Ctx, ServerConfig } from './context'
import type { Db } from './db/db'
import { openDb } from './db/open'
import { seedDemo } from './demo/seed'
import { makeSigner, masterKey } from './feeds/signingKey'
import { runAlerts } from './alerts/digests'
import { runRetention } from './retention'
import { runScheduled } from './publish/workflow'

export interface StartOptions {
  databaseUrl?: string
  /** PGlite's folder (and the key file's, without TOWNSHIP_SECRET); undefined with no databaseUrl: in memory */
  dataDir?: string
  /** where the key file lives when there is no dataDir (PostgreSQL) */
  secretDir: string
  secret?: string
  demo: boolean
  config: Omit<ServerConfig, 'baseUrl'> & { baseUrl?: string }
  now?: () => Date
  db?: Db
}

export async function buildContext(o: StartOptions): Promise<Ctx> {
  const db = o.db ?? (await openDb({ databaseUrl: o.databaseUrl, dataDir: o.dataDir }))
  const signer = makeSigner(masterKey({ secret: o.secret, dataDir: o.dataDir ?? o.secretDir }))
  const ctx: Ctx = { db, signer, config: { baseUrl: 'http://127.0.0.1:4180', ...o.config }, now: o.now ?? (() => new Date()) }
  if (o.demo) await seedDemo(ctx)
  return ctx
}

export async function listen(ctx: Ctx, host: string, port: number): Promise<{ server: ServerType; port: number }> {
  const app = createApp(ctx)
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => resolve({ server, port: info.port }))
  })
}

/** The first-run link, or null when there is an admin. */
export async function setupLink(ctx: Ctx): Promise<string | null> {
  if (!(await needsAdmin(ctx))) return null
  return `${ctx.config.baseUrl}/#/setup?token=${await issueSetupToken(ctx)}`
}

/** Retention now and daily; alerts now and every 15 minutes. */
export function startJobs(ctx: Ctx): () => void {
  const safe = (name: string, f: () => Promise<unknown>) => () => void f().catch((e) => console.error(`${name}:`, e))
  const retention = safe('retention', () => runRetention(ctx))
  const alerts = safe('alerts', () => runAlerts(ctx))
  const scheduled = safe('scheduled publishing', () => runScheduled(ctx))
  const t3 = setInterval(scheduled, 60_000)
  t3.unref()
  retention()
  alerts()
  const t1 = setInterval(retention, 24 * 3600_000)
  const t2 = setInterval(alerts, 15 * 60_000)
  t1.unref()
  t2.unref()
  return () => {
    clearInterval(t1)
    clearInterval(t2)
    clearInterval(t3)
  }
}
