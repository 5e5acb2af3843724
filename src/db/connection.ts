/** The one shared connection to the gongkai database. */
import { deleteDB, openDB, type IDBPDatabase } from 'idb'
import { DB_NAME, DB_VERSION, migrations, type GongkaiDB } from './schema'

export type Db = IDBPDatabase<GongkaiDB>

let dbPromise: Promise<Db> | null = null

export function getDb(): Promise<Db> {
  dbPromise ??= openDB<GongkaiDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < DB_VERSION; v++) migrations[v]!(db, tx)
    },
    blocking() {
      // a newer app version wants to upgrade: let it, and reopen on next use
      void dbPromise?.then((db) => db.close())
      dbPromise = null
    },
  })
  return dbPromise
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
