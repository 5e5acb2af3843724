/**
 * The apply floor, one module for every bench that needs it (bench/apply.mjs
 * bundles it into a page, bench/applyStagesPage.ts runs it in a worker): the
 * least work that takes a feed from the network to the screen in the kiosk's
 * storage layout — decode + JSON.parse, the kiosk's own 400-notice chunk
 * records (src/db/noticeChunks.ts toChunks) and revision record in the
 * kiosk's own object stores (src/db/schema.ts migrations), one strict
 * transaction as commitRevision uses, then (in a page) the first screenful of
 * titles painted. No validation, normalisation, masking or search index: that
 * is what the kiosk's distance from this floor is made of.
 */
import { DB_VERSION, migrations } from '../../src/db/schema'
import { NOTICE_CHUNK, toChunks } from '../../src/db/noticeChunks'
import type { Notice } from '../../src/feed/types'

/** what a board shows in its first screenful (≈ 16 cards in the kiosk's virtual list at 1920×1080) */
export const FLOOR_FIRST_SCREEN = 16

type Upgrade = Parameters<(typeof migrations)[number]>

/** A fresh database with the kiosk's schema, every migration applied, as the kiosk's own. */
export function openFloorDb(name = `gongkai-floor-${Math.random().toString(36).slice(2)}`): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(name, DB_VERSION)
    r.onupgradeneeded = (e) => {
      for (let v = e.oldVersion; v < DB_VERSION; v++) migrations[v]!(r.result as unknown as Upgrade[0], r.transaction as unknown as Upgrade[1])
    }
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
}

export interface FloorPutResult {
  notices: Notice[]
  chunks: number
}

/** decode + parse + one transaction writing the revision record and the notices in NOTICE_CHUNK-notice chunks */
export async function floorPut(db: IDBDatabase, bytes: ArrayBuffer | Uint8Array, sourceId = 'floor'): Promise<FloorPutResult> {
  const feed = JSON.parse(new TextDecoder().decode(bytes)) as { items: Notice[]; _gongkai?: { revision?: number } }
  const { items, ...rest } = feed
  const revision = Number(rest._gongkai?.revision ?? 1)
  const chunks = toChunks(sourceId, revision, items, NOTICE_CHUNK)
  const tx = db.transaction(['revisions', 'noticeChunks'], 'readwrite', { durability: 'strict' })
  tx.objectStore('revisions').put({ ...rest, sourceId, revision, noticeCount: items.length })
  const store = tx.objectStore('noticeChunks')
  for (const c of chunks) store.put(c)
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error)
  })
  return { notices: chunks[0]?.notices ?? [], chunks: chunks.length }
}

/** In a page: fetch `url`, floorPut, then paint the first screenful of titles into `into`. */
export async function floorApply(url: string, into: HTMLElement): Promise<{ chunks: number }> {
  const db = await openFloorDb()
  const bytes = await (await fetch(url, { cache: 'no-store' })).arrayBuffer()
  const { notices, chunks } = await floorPut(db, bytes)
  db.close()
  const list = document.createElement('ul')
  for (const n of notices.slice(0, FLOOR_FIRST_SCREEN)) {
    const li = document.createElement('li')
    li.dataset.testid = 'floor-card'
    li.textContent = n.title
    list.append(li)
  }
  into.replaceChildren(list)
  return { chunks }
}
