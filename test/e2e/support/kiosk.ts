/** Steps a resident or a test takes on the kiosk page. */
import type { Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

export const ARTIFACTS = join(__dirname, '../../../test-results/screenshots')

/** Waits until the service worker controls the page (offline start works from then on). */
export async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined, null, { timeout: 30_000 })
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) })
}

/** How staff open #/status (residents are not offered it): a 3-second press on the header's update time. */
export async function openStatus(page: Page) {
  const updated = page.getByTestId('updated-at')
  await updated.dispatchEvent('pointerdown')
  await page.waitForURL(/#\/status/, { timeout: 10_000 })
  await updated.dispatchEvent('pointerup')
}
