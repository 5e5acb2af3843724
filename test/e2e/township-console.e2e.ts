/**
 * The township web console against the real server (PGlite in a temp folder,
 * demo township): a staffer completes the one-time setup, signs out and in,
 * enrols a kiosk and downloads its config.json; every page passes axe (no
 * serious or critical violations) and is photographed at 1366×768 and 1920×1080.
 * Then the real built kiosk app (dist/, or GONGKAI_DIST) runs with that config in
 * another browser context: its heartbeats put it on the fleet page at the latest
 * revision, a clerk's ledger record with a photo turns the item 按时 on the
 * supervision page and its photo shows in the ledger; two records made offline
 * arrive once each when the network is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { LANDSCAPE, launchBrowser, touchContext } from './support/browser'
import { startKioskServer, type KioskServer } from './support/kioskServer'
import { startTownshipServer, type TownshipServer } from './support/townshipServer'
import { apiGet, axeSerious, OFFICE_SIZES, shootBothSizes } from './support/townshipConsole'
import { screenshot } from './support/kiosk'
import { networkQuiet, trackRequests } from './support/networkQuiet'

const ADMIN = { username: 'wangxh', displayName: '王晓红', password: 'guiwan-2026-secret' }

let server: TownshipServer
let browser: Browser
let staff: BrowserContext
let page: Page
const pageErrors: string[] = []
/** the config.json a staffer downloaded for the new kiosk */
interface KioskConfig { [key: string]: unknown; feedUrl: string; statusUrl: string; clerkUploadUrl: string; kioskId: string; kioskToken: string; villageCode: string }
let kioskConfig: KioskConfig
let kioskServer: KioskServer | undefined
let kioskContext: BrowserContext | undefined
let kiosk: Page

const PIN = '135790'
interface LedgerAnswer { records: { id: string; itemId: string; photos: { sha256: string }[] }[]; total: number }
interface SupervisionAnswer { villages: { code: string; items: { itemId: string; state: string; period: { key: string } | null }[] }[] }

beforeAll(async () => {
  server = await startTownshipServer()
  browser = await launchBrowser()
  staff = await browser.newContext({ ...touchContext(OFFICE_SIZES[0]), acceptDownloads: true })
  page = await staff.newPage()
  trackRequests(page)
  page.on('pageerror', (e) => pageErrors.push(e.message))
})

afterAll(async () => {
  await kioskContext?.close().catch(() => {})
  await kioskServer?.close()
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
      await networkQuiet(page)
      expect(await page.locator('[role="alert"]').count(), `${name}: ${await page.locator('[role="alert"]').allTextContents()}`).toBe(0)
      await expectNoSeriousAxe(name)
      await shootBothSizes(page, name)
    }
    expect(pageErrors).toEqual([])
  })

  it('the report page prints without the menus and links an .xlsx workbook', async () => {
    await page.goto(`${server.url}/#/reports`)
    await page.locator('svg.chart').first().waitFor()
    const href = await page.locator('[data-action="xlsx"]').getAttribute('href')
    expect(href).toMatch(/^\/api\/reports\/month\/\d{4}-\d{2}\.xlsx$/)
    const xlsx = await page.evaluate(async (u) => {
      const r = await fetch(u)
      const b = new Uint8Array(await r.arrayBuffer())
      return { status: r.status, type: r.headers.get('content-type'), zip: b[0] === 0x50 && b[1] === 0x4b }
    }, href!)
    expect(xlsx).toMatchObject({ status: 200, zip: true })
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('nav.sidenav').isVisible()).toBe(false)
    expect(await page.locator('.report-village').count()).toBeGreaterThan(1)
    await page.emulateMedia({ media: 'screen' })
  })

  it('the real kiosk with that config reports in: the fleet page shows it on the latest revision', async () => {
    kioskServer = await startKioskServer({ config: kioskConfig })
    kioskContext = await browser.newContext(touchContext(LANDSCAPE))
    kiosk = await kioskContext.newPage()
    await kiosk.goto(kioskServer.url)
    // the feed comes from the console's /feeds; the village name shows once it is applied
    const name = kiosk.getByTestId('village-name')
    await expect.poll(() => name.textContent(), { timeout: 30_000 }).not.toBe('')
    await page.goto(`${server.url}/#/fleet`)
    const row = page.locator(`tr[data-row="${kioskConfig.kioskId}"]`)
    // a kiosk sends a heartbeat when it starts and every 10 minutes; the one at start may go before it has read
    // its content (revision null), so the kiosk is restarted until one carries the revision
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: '刷新' }).click()
        await networkQuiet(page)
        const latest = await row.locator('[data-revision="latest"]').count()
        if (!latest) await kiosk.reload()
        return latest
      }, { timeout: 60_000, interval: 3000 })
      .toBe(1)
    expect(await row.textContent()).toContain(kioskConfig.kioskId)
    await shootBothSizes(page, 'fleet-with-kiosk')
  })

  let villageCode: string
  let itemId: string
  it('a clerk records a disclosure with a photo on the kiosk: the item reads 按时 on the supervision page and the photo shows in the ledger', async () => {
    villageCode = kioskConfig.villageCode
    const before = await apiGet<SupervisionAnswer>(page, '/api/supervision')
    // a periodic item (month, quarter, half or year) not yet disclosed for its current period
    const open = before.villages.find((v) => v.code === villageCode)!.items.find((i) => (i.state === 'due_soon' || i.state === 'pending') && /^\d{4}(-(\d{2}|Q[1-4]|H[12]))?$/.test(i.period?.key ?? ''))
    expect(open, 'an item of this village not yet disclosed for its current period').toBeTruthy()
    itemId = open!.itemId

    await kiosk.goto(`${kioskServer!.url}#/clerk`)
    await kiosk.getByTestId('pin-pad').waitFor()
    await enterPin(PIN)
    await enterPin(PIN)
    await kiosk.getByTestId('clerk-nav-ledger').waitFor()
    await kiosk.goto(`${kioskServer!.url}#/clerk/ledger/new?item=${encodeURIComponent(itemId)}&period=${encodeURIComponent(open!.period!.key)}`)
    await kiosk.getByTestId('ledger-form').waitFor()
    expect(await kiosk.getByTestId('ledger-item').inputValue()).toBe(itemId)
    // the kiosk names the console's period the same way
    expect(await kiosk.getByTestId('ledger-period-choice').inputValue()).toBe(open!.period!.key)
    await kiosk.getByTestId('ledger-place-screen').check()
    await kiosk.getByTestId('ledger-posted-by').fill('王文书')
    await kiosk.getByTestId('photo-input').setInputFiles({ name: 'board.png', mimeType: 'image/png', buffer: await makePng() })
    await kiosk.getByTestId('pending-photo').waitFor()
    await kiosk.getByTestId('ledger-save').tap()
    await expect.poll(() => kiosk.getByTestId('ledger-row').count()).toBe(1)

    await expect
      .poll(async () => (await apiGet<LedgerAnswer>(page, `/api/villages/${villageCode}/ledger`)).records.filter((r) => r.itemId === itemId && r.photos.length === 1).length, { timeout: 30_000, interval: 1000 })
      .toBe(1)
    await expect.poll(() => outboxCount(), { timeout: 10_000 }).toBe(0)

    await page.goto(`${server.url}/#/supervision`)
    await page.locator('select[name="village"]').selectOption(villageCode)
    const cell = page.locator(`tr[data-row="${villageCode}:${itemId}"] [data-state]`)
    await expect.poll(() => cell.textContent(), { timeout: 15_000 }).toBe('按时')
    expect(await page.locator(`tr[data-row="${villageCode}:${itemId}"]`).textContent()).toContain('台账')

    await page.goto(`${server.url}/#/ledger/${villageCode}`)
    const img = page.locator('tbody img').first()
    await img.waitFor()
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    await expectNoSeriousAxe('ledger with photo')
    await shootBothSizes(page, 'ledger-with-photo')
  })

  it('offline, the clerk records two more; back online, both arrive once', async () => {
    const total = async () => (await apiGet<LedgerAnswer>(page, `/api/villages/${villageCode}/ledger`)).total
    const start = await total()
    await kioskContext!.setOffline(true)
    for (const [index, by] of [[2, '离线一'], [3, '离线二']] as const) {
      await kiosk.goto(`${kioskServer!.url}#/clerk/ledger/new`)
      await kiosk.getByTestId('ledger-form').waitFor()
      await kiosk.getByTestId('ledger-item').selectOption({ index })
      if (await kiosk.getByTestId('ledger-period-choice').isVisible()) await kiosk.getByTestId('ledger-period-choice').selectOption({ index: 1 })
      if (!(await kiosk.getByTestId('ledger-period').inputValue())) await kiosk.getByTestId('ledger-period').fill('2026年11月')
      await kiosk.getByTestId('ledger-posted-by').fill(by)
      await kiosk.getByTestId('ledger-save').tap()
      await kiosk.waitForURL(/saved=/)
    }
    await expect.poll(() => outboxCount()).toBe(2)
    await screenshot(kiosk, 'console-kiosk-offline-outbox')
    expect(await total()).toBe(start)

    await kioskContext!.setOffline(false)
    await expect.poll(() => outboxCount(), { timeout: 30_000, interval: 1000 }).toBe(0)
    await expect.poll(total, { timeout: 15_000 }).toBe(start + 2)
    // and not again: a few seconds later still two more, each id once
    await page.waitForTimeout(3000)
    const after = await apiGet<LedgerAnswer>(page, `/api/villages/${villageCode}/ledger`)
    expect(after.total).toBe(start + 2)
    const ids = after.records.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(pageErrors).toEqual([])
  })
})

async function enterPin(pin: string) {
  for (const d of pin) await kiosk.getByTestId(`pin-key-${d}`).tap()
  await kiosk.getByTestId('pin-ok').tap()
}

/** entries waiting in the kiosk's upload outbox (IndexedDB) */
function outboxCount(): Promise<number> {
  return kiosk.evaluate(() => new Promise<number>((res, rej) => {
    const r = indexedDB.open('gongkai')
    r.onsuccess = () => {
      const c = r.result.transaction('outbox').objectStore('outbox').count()
      c.onsuccess = () => {
        r.result.close()
        res(c.result)
      }
      c.onerror = () => rej(c.error)
    }
  }))
}

/** a real 2400×1200 PNG, drawn by the kiosk's browser (the clerk's photo) */
async function makePng(): Promise<Buffer> {
  const bytes = await kiosk.evaluate(async () => {
    const c = new OffscreenCanvas(2400, 1200)
    const g = c.getContext('2d')!
    g.fillStyle = '#1d6b36'
    g.fillRect(0, 0, 2400, 1200)
    g.fillStyle = '#fff'
    g.fillRect(300, 300, 900, 500)
    return Array.from(new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer()))
  })
  return Buffer.from(bytes)
}
