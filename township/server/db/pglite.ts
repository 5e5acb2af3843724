/** The embedded engine: PGlite (PostgreSQL in WASM) in a data folder, or in memory when dataDir is undefined. */
import { PGlite } from '@electric-sql/pglite'
import type { Db, Queryable, Row } from './db'

export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = dataDir ? new PGlite(dataDir) : new PGlite()
  await pg.waitReady
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T = Row>(sql: string, params?: unknown[]) {
      return (await q.query<T>(sql, params as unknown[])).rows
    },
  })
  return {
    kind: 'pglite',
    ...wrap(pg),
    async exec(sql) {
      await pg.exec(sql)
    },
    tx: (fn) => pg.transaction((t) => fn(wrap(t))),
    close: () => pg.close(),
  }
}
