/**
 * A resident finds the 低保 notice by tapping D and B on the on-screen
 * keyboard — online, then with the network off. The index was stored when the
 * revision was applied: no index worker ever starts in the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, PORTRAIT, touchContext } from './support/browser'
import { startKioskServer, type KioskServer } from './support/kioskServer'
import { screenshot, waitForServiceWorker } from './support/kiosk'

let server: KioskServer
let browser: Browser
let context: BrowserContext
let page: Page
const indexWorkers: string[] = []

beforeAll(async () => {
  server = await startKioskServer()
  browser = await launchBrowser()
  context = await browser.newContext(touchContext())
  page = await context.newPage()
  page.on('worker', (w) => {
    if (w.url().includes('index.worker')) indexWorkers.push(w.url())
  })
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

describe('search on the on-screen keyboard', () => {
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
    await screenshot(page, 'search-db-landscape')
    await page.setViewportSize(PORTRAIT)
    await screenshot(page, 'search-db-portrait')
    await page.setViewportSize(touchContext().viewport!)

    // 删除 takes one letter back, the results follow
    await page.getByTestId('key-delete').tap()
    await expect.poll(() => page.getByTestId('search-query').inputValue()).toBe('d')
    await page.getByTestId('nav-home').tap()

    await tapDbAndOpen()
    expect(indexWorkers).toEqual([])
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
