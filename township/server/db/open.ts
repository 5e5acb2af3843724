/** Opens the configured database and brings its schema up to date. */
import type { Db } from './db'
import { migrate } from './migrate'

export async function openDb(o: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  const db = o.databaseUrl
    ? await (await import('./postgres')).openPostgres(o.databaseUrl)
    : await (await import('./pglite')).openPglite(o.dataDir)
  await migrate(db)
  return db
}
