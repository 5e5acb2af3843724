/**
 * The boot script's read (src/boot/snapshot.ts): in ONE read transaction, every source's live pointer, the
 * stored boot snapshot, and the last good config (its locale) — so the snapshot is judged
 * against the pointers as they are at that instant. Plain IndexedDB, no idb: this runs in a small classic
 * script before the app's own code, and must stay small. It never creates or upgrades the database: a database
 * that is missing, older or newer than this build's schema reads as nothing (the app's own open handles it).
 */
import { DB_NAME, DB_VERSION, type Pointer } from './schema'
import { KV_KEYS } from './kvKeys'

export interface BootRead {
  pointers: Pointer[]
  snapshot: unknown
  lastGoodConfig: unknown
}

export function readBootState(idb: IDBFactory = indexedDB): Promise<BootRead | null> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest
    try {
      req = idb.open(DB_NAME, DB_VERSION)
    } catch {
      return resolve(null)
    }
    // nothing stored yet, or stored by an older schema: not ours to create or migrate
    req.onupgradeneeded = () => req.transaction?.abort()
    req.onerror = () => resolve(null)
    req.onblocked = () => resolve(null)
    req.onsuccess = () => {
      const db = req.result
      const done = (v: BootRead | null) => {
        db.close()
        resolve(v)
      }
      try {
        const tx = db.transaction(['pointers', 'kv'], 'readonly')
        const pointers = tx.objectStore('pointers').getAll()
        const kv = tx.objectStore('kv')
        const snapshot = kv.get(KV_KEYS.bootSnapshot)
        const config = kv.get(KV_KEYS.lastGoodConfig)
        tx.oncomplete = () =>
          done({ pointers: pointers.result as Pointer[], snapshot: snapshot.result, lastGoodConfig: config.result })
        tx.onerror = () => done(null)
        tx.onabort = () => done(null)
      } catch {
        done(null)
      }
    }
  })
}
