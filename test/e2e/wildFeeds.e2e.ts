/**
 * A feed as people really write it reaches residents (issue 12): item ids that
 * are URL paths, `frequency` as a word and as "publicity:7", table rows as
 * plain arrays. The kiosk shows it; a notice opened from the board has a route
 * that survives a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, touchContext } from './support/browser'
import { startKioskServer, type KioskServer } from './support/kioskServer'
import { screenshot } from './support/kiosk'
import { baseFeed } from '../support/feeds'

let server: KioskServer
let browser: Browser
let page: Page

function wildFeed() {
  const f = baseFeed(1)
  f._gongkai.checklist[0].frequency = 'quarterly'
  f._gongkai.checklist[1].frequency = 'publicity:7'
  f.items[0].id = '/notices/2026/低保公示.html'
  f.items[1].id = 'https://example.gov.cn/qingshi/?p=1024'
  // a plain-array row (a data row) between the canonical ones
  f.items[1]._gongkai.table.rows = [{ kind: 'opening', cells: ['期初余额', 100] }, ['备注', '无'], { kind: 'closing', cells: ['期末余额', 100] }]
  return f
}

beforeAll(async () => {
  server = await startKioskServer({ config: { feedUrl: 'feeds/wild.json', pollSeconds: 1 } })
  server.setRoute('/feeds/wild.json', wildFeed())
  browser = await launchBrowser()
  page = await (await browser.newContext(touchContext())).newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('a feed with short forms and URL ids', () => {
  it('is shown, and a notice opened by route survives a reload', async () => {
    await page.goto(`${server.url}#/notices`)
    await expect.poll(() => page.getByTestId('notice-card').allTextContents(), { timeout: 30_000 }).toContainEqual(expect.stringContaining('第1版 低保公示'))
    await page.getByTestId('tab-finance').tap()
    await page.getByTestId('notice-card').filter({ hasText: '第三季度财务公开' }).tap()
    await expect.poll(() => page.getByTestId('notice-title').textContent(), { timeout: 10_000 }).toBe('第三季度财务公开')
    const route = await page.evaluate(() => location.hash)
    // a safe route: the URL id's readable part and a hash, no slashes, query or scheme
    expect(route).toMatch(/^#\/notices\/[\w.~-]+$/)
    expect(route).toContain('p-1024~')
    expect(await page.getByTestId('notice-table').textContent()).toContain('备注')

    await page.reload()
    await expect.poll(() => page.getByTestId('notice-title').textContent(), { timeout: 20_000 }).toBe('第三季度财务公开')
    expect(await page.evaluate(() => location.hash)).toBe(route)
    expect(await page.getByTestId('notice-table').textContent()).toContain('期末余额')
    await screenshot(page, 'wild-feed-notice-after-reload')

    // the other URL id, with Chinese in it, by its route straight away
    await page.goto(`${server.url}#/notices`)
    await page.getByTestId('tab-village').tap()
    await page.getByTestId('notice-card').filter({ hasText: '第1版 低保公示' }).tap()
    await expect.poll(() => page.getByTestId('notice-title').textContent(), { timeout: 10_000 }).toBe('第1版 低保公示')
    const second = await page.evaluate(() => location.hash)
    await page.reload()
    await expect.poll(() => page.getByTestId('notice-title').textContent(), { timeout: 20_000 }).toBe('第1版 低保公示')
    expect(await page.evaluate(() => location.hash)).toBe(second)
  })
})
