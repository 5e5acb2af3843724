/** "立即同步" on #/status, waiting until that sync has finished (its attempt is recorded in IndexedDB). */
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

/** when the kiosk last tried to sync the default source */
export function lastAttempt(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const open = indexedDB.open('gongkai')
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('syncState')) return resolve(null)
          const get = db.transaction('syncState').objectStore('syncState').get('default')
          get.onsuccess = () => {
            resolve((get.result as { lastAttemptAt?: string } | undefined)?.lastAttemptAt ?? null)
            db.close()
          }
          get.onerror = () => resolve(null)
        }
        open.onerror = () => resolve(null)
      }),
  )
}

export async function syncNow(page: Page) {
  // the sync of the page's start records its attempt after its content shows: taken for this one, it would end the wait early
  await expect.poll(() => lastAttempt(page), { timeout: 30_000 }).not.toBeNull()
  const before = await lastAttempt(page)
  await page.getByTestId('sync-now').click()
  await expect.poll(() => lastAttempt(page), { timeout: 30_000 }).not.toBe(before)
}
