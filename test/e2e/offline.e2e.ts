/**
 * The first visit installs the app; from then on the kiosk starts and shows
 * the demo village's content with no network at all — in Debian's Chromium
 * and in Chromium 109, the hall-PC floor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { launchBrowser, touchContext } from './support/browser'
import { launchChromium109 } from './support/chromium109'
import { DIST, startKioskServer, type KioskServer } from './support/kioskServer'
import { screenshot, waitForServiceWorker } from './support/kiosk'

const demo = JSON.parse(readFileSync(join(DIST, 'demo/feed.json'), 'utf8'))
const BROWSERS = [
  { name: 'Debian Chromium', launch: launchBrowser, shots: true },
  { name: 'Chromium 109', launch: launchChromium109, shots: false },
]

describe.each(BROWSERS)('offline start in $name', ({ launch, shots }) => {
  let server: KioskServer
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    server = await startKioskServer() // the config.json and demo feed the build ships
    browser = await launch()
    context = await browser.newContext(touchContext())
    page = await context.newPage()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  describe('offline start', () => {
    it('after the first visit, shows the checklist, a notice and a handbook chapter with the network off', async () => {
      await page.goto(server.url)
      await waitForServiceWorker(page)
      await expect.poll(() => page.getByTestId('village-name').textContent(), { timeout: 20_000 }).toBe(demo._gongkai.village.name)

      await context.setOffline(true)
      await page.reload()
      await expect.poll(() => page.getByTestId('offline-badge').isVisible(), { timeout: 10_000 }).toBe(true)
      await expect.poll(() => page.getByTestId('village-name').textContent()).toBe(demo._gongkai.village.name)

      await page.getByTestId('tile-checklist').tap()
      await expect.poll(() => page.getByTestId('checklist-item').count()).toBe(demo._gongkai.checklist.length)
      if (shots) await screenshot(page, 'offline-checklist')

      await page.getByTestId('nav-home').tap()
      await page.getByTestId('tile-notices').tap()
      await page.getByTestId('notice-card').first().tap()
      await expect.poll(() => page.getByTestId('notice-title').textContent()).toBeTruthy()
      expect((await page.getByTestId('notice-body').textContent())!.length).toBeGreaterThan(10)

      await page.getByTestId('nav-home').tap()
      await page.getByTestId('tile-handbook').tap()
      await page.getByTestId('chapter-link').first().tap()
      await expect.poll(() => page.getByTestId('chapter-title').textContent()).toBe(demo._gongkai.handbook.chapters[0].title)
      if (shots) await screenshot(page, 'offline-chapter')
    })

    it('starts offline in a fresh page of the same kiosk, not only on reload', async () => {
      const second = await context.newPage()
      await second.goto(`${server.url}#/handbook`)
      await expect.poll(() => second.getByTestId('chapter-link').count(), { timeout: 10_000 }).toBe(demo._gongkai.handbook.chapters.length)
      await second.close()
    })
  })
})
