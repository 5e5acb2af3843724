/** The production engine: PostgreSQL through a `pg` pool (DATABASE_URL). */
import pg from 'pg'
import type { Db, Queryable, QueryOptions, Row } from './db'

// bigint and numeric come back as JS numbers (counts, sizes); timestamps stay Date like PGlite's
pg.types.setTypeParser(20, (v) => Number(v))
pg.types.setTypeParser(1700, (v) => Number(v))
// dates as YYYY-MM-DD strings, not local-midnight Dates
pg.types.setTypeParser(1082, (v) => v)

export async function openPostgres(url: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max })
  const wrap = (c: Pick<pg.Pool, 'query'>): Queryable => ({
    async query<T = Row>(sql: string, params?: unknown[], options?: QueryOptions) {
      const r = options?.prepare ? await c.query({ name: options.prepare, text: sql, values: params }) : await c.query(sql, params)
      return r.rows as T[]
    },
  })
  await pool.query('SELECT 1')
  return {
    kind: 'postgres',
    ...wrap(pool),
    async exec(sql) {
      await pool.query(sql)
    },
    async tx(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const out = await fn(wrap(client))
        await client.query('COMMIT')
        return out
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw e
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
