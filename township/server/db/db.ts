/**
 * One database interface for the console, two engines: PGlite (embedded, a
 * data folder) and PostgreSQL (`pg`, DATABASE_URL). Same SQL on both: every
 * query is PostgreSQL with $1… parameters.
 */
export type Row = Record<string, unknown>

export interface QueryOptions {
  /**
   * A name for a statement run very often with the same text (the heartbeat
   * batch): on PostgreSQL it is parsed and planned once per connection, not
   * on every run (a named prepared statement). PGlite has no such statements
   * and runs it as any other. One name, one text.
   */
  prepare?: string
}

export interface Queryable {
  query<T = Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<T[]>
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** several statements, no parameters (migrations) */
  exec(sql: string): Promise<void>
  /** runs fn in one transaction: all of it or nothing */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export async function one<T = Row>(q: Queryable, sql: string, params?: unknown[]): Promise<T | undefined> {
  return (await q.query<T>(sql, params))[0]
}
