/**
 * An open kiosk follows its feed: revision 1, then 2 without a manual reload;
 * a broken feed afterwards changes nothing on screen and #/status says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, touchContext } from './support/browser'
import { startKioskServer, type KioskServer } from './support/kioskServer'
import { openStatus, screenshot } from './support/kiosk'
import { baseFeed } from '../support/feeds'

let server: KioskServer
let browser: Browser
let page: Page

beforeAll(async () => {
  server = await startKioskServer({ config: { feedUrl: 'feeds/village.json', pollSeconds: 1 } })
  server.setRoute('/feeds/village.json', baseFeed(1))
  browser = await launchBrowser()
  page = await (await browser.newContext(touchContext())).newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('sync in an open kiosk', () => {
  it('shows revision 1, then revision 2 without a reload, and keeps it when a broken feed follows', async () => {
    await page.goto(`${server.url}#/notices`)
    await expect.poll(() => page.getByTestId('notice-card').allTextContents(), { timeout: 20_000 }).toContainEqual(expect.stringContaining('第1版 低保公示'))

    server.setRoute('/feeds/village.json', baseFeed(2))
    await expect.poll(() => page.getByTestId('notice-card').allTextContents(), { timeout: 20_000 }).toContainEqual(expect.stringContaining('第2版 低保公示'))
    const navigations = await page.evaluate(() => performance.getEntriesByType('navigation').length)
    expect(navigations).toBe(1)

    const broken = baseFeed(3)
    broken.items[0]._gongkai.expires = 'next Tuesday'
    server.setRoute('/feeds/village.json', broken)
    await page.getByTestId('nav-home').tap()
    await openStatus(page)
    await expect.poll(() => page.getByTestId('status-last-error').textContent(), { timeout: 20_000 }).toContain('新内容中的日期或时间有误')
    expect(await page.getByTestId('status-last-error').textContent()).toContain('items[0]._gongkai.expires: 应为 RFC 3339 日期时间')
    expect(await page.getByTestId('status-revision').textContent()).toBe('2')
    await screenshot(page, 'status-broken-feed')

    await page.getByTestId('nav-home').tap()
    await page.getByTestId('tile-notices').tap()
    expect(await page.getByTestId('notice-card').allTextContents()).toContainEqual(expect.stringContaining('第2版 低保公示'))
  })
})
