/**
 * Storage care: ask the browser to keep the kiosk's data (persist), and say
 * how full storage is so #/status warns before it is full.
 */
export type StorageLevel = 'ok' | 'warn' | 'critical' | 'unknown'

/** warn from 80 % used, critical from 95 % */
export const WARN_RATIO = 0.8
export const CRITICAL_RATIO = 0.95

export interface StorageReport {
  usage: number | null
  quota: number | null
  ratio: number | null
  level: StorageLevel
  persisted: boolean | null
}

type StorageLike = Pick<StorageManager, 'estimate'> & Partial<Pick<StorageManager, 'persist' | 'persisted'>>

export function storageLevel(usage: number | null, quota: number | null): StorageLevel {
  if (usage === null || !quota) return 'unknown'
  const r = usage / quota
  return r >= CRITICAL_RATIO ? 'critical' : r >= WARN_RATIO ? 'warn' : 'ok'
}

export async function readStorage(storage: StorageLike | undefined = globalThis.navigator?.storage): Promise<StorageReport> {
  if (!storage) return { usage: null, quota: null, ratio: null, level: 'unknown', persisted: null }
  const e = await storage.estimate().catch(() => ({}) as StorageEstimate)
  const usage = e.usage ?? null
  const quota = e.quota ?? null
  const persisted = storage.persisted ? await storage.persisted().catch(() => null) : null
  return { usage, quota, ratio: usage !== null && quota ? usage / quota : null, level: storageLevel(usage, quota), persisted }
}

/** Asks once that the browser never evicts the kiosk's content under storage pressure. */
export async function requestPersistence(storage: StorageLike | undefined = globalThis.navigator?.storage): Promise<boolean | null> {
  if (!storage?.persist) return null
  if (storage.persisted && (await storage.persisted().catch(() => false))) return true
  return storage.persist().catch(() => null)
}

/** 1.2 MB / 350 KB — for people, not for arithmetic. */
export function formatBytes(n: number | null): string {
  if (n === null) return '—'
  if (n < 1024) return `${n} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let v = n / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`
}
