/** The one shared connection to the gongkai database. */
import { deleteDB, openDB, type IDBPDatabase } from 'idb'
import { DB_NAME, DB_VERSION, migrations, type GongkaiDB } from './schema'

export type Db = IDBPDatabase<GongkaiDB>

let dbPromise: Promise<Db> | null = null

export function getDb(): Promise<Db> {
  if (!dbPromise) {
    const opening = open(DB_VERSION).catch((e: unknown) => {
      // A version that failed to start is rolled back to the last one that worked (src/sw.ts), and that one
      // may find the database already upgraded by the newer code: opening at its own, lower DB_VERSION is a
      // VersionError and would leave the kiosk blank. Migrations only ever add stores and indexes, so this
      // code works on the newer schema: open the database at the version it has on disk.
      if ((e as { name?: unknown } | null)?.name === 'VersionError') return open(undefined)
      throw e
    })
    dbPromise = opening
    // a failed open is not kept: the next use tries again
    opening.catch(() => {
      if (dbPromise === opening) dbPromise = null
    })
  }
  return dbPromise
}

/** Opens the database at version (undefined: the version it has on disk), upgrading it when that is newer. */
function open(version: number | undefined): Promise<Db> {
  return openDB<GongkaiDB>(DB_NAME, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < DB_VERSION; v++) migrations[v]!(db, tx)
    },
    blocking() {
      // a newer app version wants to upgrade: let it, and reopen on next use
      void dbPromise?.then((db) => db.close())
      dbPromise = null
    },
  })
}

/** Closes the connection (tests, and before deleting the database). */
export async function closeDb(): Promise<void> {
  const p = dbPromise
  dbPromise = null
  if (p) (await p).close()
}

export async function deleteDatabase(): Promise<void> {
  await closeDb()
  await deleteDB(DB_NAME)
}
