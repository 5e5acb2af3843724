/**
 * The township web console against the real server (PGlite in a temp folder,
 * demo township): a staffer completes the one-time setup, signs out and in,
 * enrols a kiosk and downloads its config.json; every page passes axe (no
 * serious or critical violations) and is photographed at 1366×768 and 1920×1080.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { launchBrowser, touchContext } from './support/browser'
import { startTownshipServer, type TownshipServer } from './support/townshipServer'
import { apiGet, axeSerious, OFFICE_SIZES, shootBothSizes } from './support/townshipConsole'

const ADMIN = { username: 'wangxh', displayName: '王晓红', password: 'guiwan-2026-secret' }

let server: TownshipServer
let browser: Browser
let staff: BrowserContext
let page: Page
const pageErrors: string[] = []
/** the config.json a staffer downloaded for the new kiosk */
let kioskConfig: Record<string, string>

beforeAll(async () => {
  server = await startTownshipServer()
  browser = await launchBrowser()
  staff = await browser.newContext({ ...touchContext(OFFICE_SIZES[0]), acceptDownloads: true })
  page = await staff.newPage()
  page.on('pageerror', (e) => pageErrors.push(e.message))
})

afterAll(async () => {
  await staff?.close().catch(() => {})
  await browser?.close().catch(() => {})
  await server?.close()
})

async function expectNoSeriousAxe(name: string) {
  const v = await axeSerious(page)
  expect(v, `${name}: ${JSON.stringify(v, null, 1)}`).toEqual([])
}

describe('township web console', () => {
  it('first setup through the printed one-time link, then sign out and sign in again', async () => {
    expect(server.setupLink).toMatch(/#\/setup\?token=/)
    await page.goto(server.setupLink!)
    await expect.poll(() => page.locator('input[name="setupToken"]').inputValue()).not.toBe('')
    await expectNoSeriousAxe('setup')
    await shootBothSizes(page, 'setup')
    await page.fill('input[name="username"]', ADMIN.username)
    await page.fill('input[name="displayName"]', ADMIN.displayName)
    await page.fill('input[name="password"]', ADMIN.password)
    await page.fill('input[name="password2"]', 'something-else-1')
    await page.click('button[type="submit"]')
    await page.getByRole('alert').getByText('两次输入的密码不一致').waitFor()
    await page.fill('input[name="password2"]', ADMIN.password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/#\/fleet/)
    await page.getByText(`${ADMIN.displayName} · 管理员`).waitFor()

    // the link works once
    const again = await page.evaluate(async (token) => (await fetch('/api/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ setupToken: token, username: 'x', displayName: 'x', password: 'yyyyyyyyyyyy' }) })).status, new URL(server.setupLink!).hash.split('token=')[1])
    expect(again).toBeGreaterThanOrEqual(400)

    await page.getByRole('button', { name: '退出登录' }).click()
    await page.waitForURL(/#\/login/)
    await expectNoSeriousAxe('login')
    await shootBothSizes(page, 'login')
    await page.fill('input[name="username"]', ADMIN.username)
    await page.fill('input[name="password"]', 'wrong-password-1')
    await page.click('button[type="submit"]')
    // the server's own words for a bad password
    await page.getByRole('alert').waitFor()
    expect(await page.getByRole('alert').textContent()).toMatch(/[\u4e00-\u9fa5]/)
    await page.fill('input[name="password"]', ADMIN.password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/#\/fleet/)
  })

  it('enrols a kiosk: its config.json downloads with a unique id and token, and the kiosk is listed', async () => {
    await page.goto(`${server.url}/#/kiosks`)
    const villages = await apiGet<{ code: string; name: string }[]>(page, '/api/villages')
    expect(villages.length).toBeGreaterThanOrEqual(3)
    await page.locator('select[name="villageCode"]').selectOption(villages[0]!.code)
    await page.fill('input[name="place"]', '村便民服务大厅 9 号屏')
    await page.getByRole('button', { name: '登记设备' }).click()
    await page.getByText('已登记：村便民服务大厅 9 号屏').waitFor()
    const text = JSON.parse(await page.locator('#kiosk-config-text').inputValue())
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="download-config"]').click()])
    expect(download.suggestedFilename()).toBe('config.json')
    kioskConfig = JSON.parse(readFileSync((await download.path())!, 'utf8'))
    expect(kioskConfig).toEqual(text)
    expect(kioskConfig).toMatchObject({ villageCode: villages[0]!.code, statusUrl: `${server.url}/api/kiosk/heartbeat`, clerkUploadUrl: `${server.url}/api/kiosk/records` })
    expect(kioskConfig.kioskId).toBeTruthy()
    expect(kioskConfig.kioskToken.length).toBeGreaterThanOrEqual(20)
    expect(kioskConfig.feedUrl).toContain(`/feeds/${villages[0]!.code}/feed.json`)
    await page.locator('.qr svg').waitFor()
    await expectNoSeriousAxe('kiosks with config')
    await shootBothSizes(page, 'kiosks-enrolled')
    await page.getByRole('button', { name: '关闭' }).click()
    await page.locator(`tr[data-row="${kioskConfig.kioskId}"]`).waitFor()
  })

  const PAGES: [name: string, route: () => string, ready: string][] = [
    ['fleet', () => '/fleet', 'tbody tr[data-row]'],
    ['kiosk-history', () => `/fleet/${encodeURIComponent(kioskConfig.kioskId)}`, 'svg.chart'],
    ['kiosks', () => '/kiosks', 'tbody tr[data-row]'],
    ['supervision', () => '/supervision', '[data-state]'],
    ['weekly', () => '/weekly', 'h1'],
    ['reports', () => '/reports', 'svg.chart'],
    ['ledger', () => '/ledger', 'tbody tr'],
    ['audit', () => '/audit', 'tbody tr'],
    ['users', () => '/users', 'tbody tr[data-row]'],
    ['alerts', () => '/alerts', 'select[name="channel"]'],
  ]
  it('every page has no serious or critical axe violation, at 1366×768 and 1920×1080', async () => {
    for (const [name, route, ready] of PAGES) {
      await page.goto(`${server.url}/#${route()}`)
      await page.locator(ready).first().waitFor({ timeout: 20_000 })
      await page.waitForLoadState('networkidle')
      expect(await page.locator('[role="alert"]').count(), `${name}: ${await page.locator('[role="alert"]').allTextContents()}`).toBe(0)
      await expectNoSeriousAxe(name)
      await shootBothSizes(page, name)
    }
    expect(pageErrors).toEqual([])
  })
})
