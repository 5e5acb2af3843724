/**
 * Versioned migrations: db/migrations/NNN_name.sql applied in order, each in
 * its own transaction and recorded in schema_migrations. An advisory lock keeps
 * two console processes starting at once from applying the same one twice.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Db } from './db'

const DIR = join(fileURLToPath(new URL('.', import.meta.url)), 'migrations')

export function migrationFiles(): { version: number; name: string; sql: string }[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: readFileSync(join(DIR, f), 'utf8') }))
}

export async function migrate(db: Db): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
  const applied: number[] = []
  for (const m of migrationFiles()) {
    const done = await db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock(4180)')
      if ((await q.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version])).length) return false
      for (const stmt of splitStatements(m.sql)) await q.query(stmt)
      await q.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
      return true
    })
    if (done) applied.push(m.version)
  }
  return applied
}

/** Statements of a migration file, split on `;` at line ends (migrations hold no function bodies). */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean)
}
