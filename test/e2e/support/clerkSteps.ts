/** Steps the clerk e2e tests share: the PIN pad and IndexedDB counts (a power cut: support/powerCut.ts). */
import type { Page } from 'playwright-core'

export async function enterPin(page: Page, pin: string) {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).tap()
  await page.getByTestId('pin-ok').tap()
}

/** How many records an IndexedDB store of the kiosk holds (an error, not a hang, when the database will not open). */
export function storeCount(page: Page, store: string): Promise<number> {
  return page.evaluate((name) => new Promise<number>((res, rej) => {
    const t = setTimeout(() => rej(new Error(`storeCount(${name}): IndexedDB did not answer within 10 s`)), 10_000)
    const r = indexedDB.open('gongkai')
    // never create it: an empty database made here before the app's own open would lack its stores
    r.onupgradeneeded = () => r.transaction?.abort()
    r.onerror = () => rej(r.error)
    r.onsuccess = () => {
      const c = r.result.transaction(name).objectStore(name).count()
      c.onsuccess = () => {
        clearTimeout(t)
        res(c.result)
        r.result.close()
      }
      c.onerror = () => rej(c.error)
    }
  }), store)
}
