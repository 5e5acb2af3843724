/**
 * A resident finds the 低保 notice by tapping D and B on the on-screen
 * keyboard — online, then with the network off. The index was stored when the
 * revision was applied: no index worker ever starts in the page. Digits never
 * break the screen, and D, B offers 低保 as a candidate word (issue 17).
 * Everything runs in Debian's Chromium and again in Chromium 109 (the floor).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, LANDSCAPE, PORTRAIT, touchContext } from './support/browser'
import { launchChromium109 } from './support/chromium109'
import { startKioskServer, type KioskServer } from './support/kioskServer'
import { screenshot, waitForServiceWorker } from './support/kiosk'

const BROWSERS = [
  { name: 'Debian Chromium', launch: launchBrowser, sizes: [LANDSCAPE, PORTRAIT] },
  { name: 'Chromium 109', launch: launchChromium109, sizes: [LANDSCAPE] },
]

describe.each(BROWSERS)('search in $name', ({ name, launch, sizes }) => {
  let server: KioskServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const indexWorkers: string[] = []
  const errors: string[] = []

  beforeAll(async () => {
    server = await startKioskServer()
    browser = await launch()
    context = await browser.newContext(touchContext())
    page = await context.newPage()
    page.on('worker', (w) => {
      if (w.url().includes('index.worker')) indexWorkers.push(w.url())
    })
    page.on('pageerror', (e) => errors.push(String(e)))
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  /** the result row of a 公示 notice that the letters D, B found through 低保 */
  const dibaoRow = () => page.locator('[data-testid="search-result"][data-kind="notice"]', { hasText: '公示' }).filter({ has: page.locator('mark', { hasText: /^低保$/ }) })

  async function tapDbAndOpen() {
    await page.getByTestId('nav-search').tap()
    await page.getByTestId('key-clear').tap()
    await page.getByTestId('key-d').tap()
    await expect.poll(() => page.getByTestId('search-query').inputValue()).toBe('d')
    await page.getByTestId('key-b').tap()
    await expect.poll(() => page.getByTestId('search-query').inputValue()).toBe('db')
    await expect.poll(() => dibaoRow().count(), { timeout: 15_000 }).toBeGreaterThan(0)
    const row = dibaoRow().first()
    const id = await row.getAttribute('data-id')
    await row.tap()
    await expect.poll(() => page.url()).toContain(`#/notices/${encodeURIComponent(id!)}`)
    await expect.poll(() => page.getByTestId('notice-title').textContent()).toContain('公示')
    expect(await page.getByTestId('notice-body').textContent()).toContain('低保')
  }

  describe('on the on-screen keyboard', () => {
    it('D, B finds the 低保 公示 and opens it', async () => {
      await page.goto(server.url)
      await waitForServiceWorker(page)
      await expect.poll(() => page.getByTestId('village-name').textContent(), { timeout: 20_000 }).toBeTruthy()

      await page.getByTestId('nav-search').tap()
      await page.getByTestId('key-d').tap()
      await page.getByTestId('key-b').tap()
      await expect.poll(() => dibaoRow().count(), { timeout: 15_000 }).toBeGreaterThan(0)
      // keys are big enough for a finger
      const key = await page.getByTestId('key-d').boundingBox()
      expect(key!.width).toBeGreaterThanOrEqual(60)
      expect(key!.height).toBeGreaterThanOrEqual(60)
      if (name === 'Debian Chromium') {
        await screenshot(page, 'search-db-landscape')
        await page.setViewportSize(PORTRAIT)
        await screenshot(page, 'search-db-portrait')
        await page.setViewportSize(touchContext().viewport!)
      }

      // 删除 takes one letter back, the results follow
      await page.getByTestId('key-delete').tap()
      await expect.poll(() => page.getByTestId('search-query').inputValue()).toBe('d')
      await page.getByTestId('nav-home').tap()

      await tapDbAndOpen()
      expect(indexWorkers).toEqual([])
    })

    it('digit keys (1, 10, 2026) search numbers and never break the screen', async () => {
      for (const size of sizes) {
        await page.setViewportSize(size)
        await page.goto(`${server.url}#/search`)
        await page.getByTestId('key-clear').tap()
        for (const key of ['1', '0']) await page.getByTestId(`key-${key}`).tap()
        await expect.poll(() => page.getByTestId('search-query').inputValue()).toBe('10')
        await expect.poll(() => page.getByTestId('search-count').textContent(), { timeout: 15_000 }).toMatch(/找到 \d+ 条/)
        for (const row of await page.getByTestId('search-result').allTextContents()) expect(row).toContain('10')
        await page.getByTestId('key-clear').tap()
        for (const key of ['2', '0', '2', '6']) await page.getByTestId(`key-${key}`).tap()
        await expect.poll(() => page.getByTestId('search-count').textContent()).toMatch(/找到 \d+ 条/)
        // the keyboard is still there and still works
        expect(await page.getByTestId('key-d').isVisible()).toBe(true)
        await page.getByTestId('key-delete').tap()
        await expect.poll(() => page.getByTestId('search-query').inputValue()).toBe('202')
      }
      await page.setViewportSize(LANDSCAPE)
      expect(errors).toEqual([])
    })

    it('D, B offers 低保 among the first three candidate words; tapping it lists only 低保 notices', async () => {
      for (const size of sizes) {
        await page.setViewportSize(size)
        await page.goto(`${server.url}#/search`)
        await page.getByTestId('key-clear').tap()
        await page.getByTestId('key-d').tap()
        await page.getByTestId('key-b').tap()
        const words = page.getByTestId('search-candidate')
        await expect.poll(() => words.count(), { timeout: 15_000 }).toBeGreaterThan(2)
        expect((await words.allTextContents()).slice(0, 3).map((w) => w.trim())).toContain('低保')
        // as large as the keyboard's keys
        const box = (await words.first().boundingBox())!
        expect(box.height).toBeGreaterThanOrEqual(60)
        const before = Number((await page.getByTestId('search-count').textContent())!.match(/\d+/)![0])
        await words.filter({ hasText: /^\s*低保\s*$/ }).tap()
        await expect.poll(() => page.locator('[data-testid="search-candidate"][aria-pressed="true"]').textContent()).toContain('低保')
        const rows = page.getByTestId('search-result')
        await expect.poll(() => rows.count()).toBeGreaterThan(0)
        for (const row of await rows.allTextContents()) expect(row).toContain('低保')
        const after = Number((await page.getByTestId('search-count').textContent())!.match(/\d+/)![0])
        expect(after).toBeLessThan(before)
        if (name === 'Debian Chromium') await screenshot(page, `search-candidates-${size.width}x${size.height}`)
        // the next key forgets the chosen word
        await page.getByTestId('key-g').tap()
        await expect.poll(() => page.locator('[data-testid="search-candidate"][aria-pressed="true"]').count()).toBe(0)
      }
      await page.setViewportSize(LANDSCAPE)
      expect(errors).toEqual([])
    })

    it('works the same with the network off', async () => {
      await context.setOffline(true)
      await page.goto(`${server.url}#/`)
      await page.reload()
      await expect.poll(() => page.getByTestId('village-name').textContent(), { timeout: 15_000 }).toBeTruthy()
      await tapDbAndOpen()
      expect(indexWorkers).toEqual([])
      await context.setOffline(false)
    })
  })
})
