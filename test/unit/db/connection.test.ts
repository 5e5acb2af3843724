/**
 * A kiosk rolled back to an older app version (src/sw.ts) finds the database
 * already upgraded by the newer one. The older code must open it anyway and
 * keep working, with everything stored before still there.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { closeDb, deleteDatabase, getDb, kvGet, kvSet } from '../../../src/db'
import { DB_NAME, DB_VERSION } from '../../../src/db/schema'

/** what a newer app version does: upgrade the database beyond this code's DB_VERSION (one more store) */
function upgradeAsNewerVersion(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION + 1)
    req.onupgradeneeded = () => req.result.createObjectStore('fromTheFuture')
    req.onsuccess = () => {
      req.result.close()
      resolve()
    }
    req.onerror = () => reject(req.error)
  })
}

afterEach(async () => {
  await deleteDatabase()
})

describe('opening the database after a rollback', () => {
  it('opens a database a newer version upgraded, keeps what was stored and stores more', async () => {
    await kvSet('clerk.note', '村务监督委员会 3 月例会')
    await closeDb()
    await upgradeAsNewerVersion()

    const db = await getDb()
    expect(db.version).toBe(DB_VERSION + 1)
    expect(await kvGet('clerk.note')).toBe('村务监督委员会 3 月例会')
    await kvSet('after.rollback', 42)
    expect(await kvGet('after.rollback')).toBe(42)
  })

  it('creates a missing database at this version with every store', async () => {
    const db = await getDb()
    expect(db.version).toBe(DB_VERSION)
    expect(db.objectStoreNames.contains('kv')).toBe(true)
    expect(db.objectStoreNames.contains('noticeChunks')).toBe(true)
  })
})
