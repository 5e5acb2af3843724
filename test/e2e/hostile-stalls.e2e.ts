/**
 * Issue 18 §4 and §1 in the browser: what only a real Chromium shows.
 *
 * - Stalled responses: the feed server sends headers and a little of the body
 *   eight times and then holds the connection. Chromium keeps at most six
 *   connections per host; a body that is not cancelled on timeout keeps its
 *   connection, and every later fetch to the host waits behind them. After the
 *   eight, the good revision must apply at the next sync, without a reload.
 * - Navigation away: whatever a feed or a script manages, the kiosk page
 *   refuses to leave its origin (src/kiosk/navigationGuard.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerResponse } from 'node:http'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, touchContext } from './support/browser'
import { syncNow as syncNowOn } from './support/syncNow'
import { RawHandler, startKioskServer, type KioskServer } from './support/kioskServer'
import { FEED_PATH, SIG_PATH, goodPublicKey, goodServed } from '../fixtures/hostile/corpus'

let server: KioskServer
let browser: Browser
let page: Page
const held: ServerResponse[] = []

const syncNow = () => syncNowOn(page)

beforeAll(async () => {
  // a short fetch deadline so eight stalls take seconds; one poll an hour, so only "立即同步" syncs
  server = await startKioskServer({ config: { feedUrl: 'feeds/village.json', publicKey: await goodPublicKey(), pollSeconds: 3600, fetchTimeoutSeconds: 2 } })
  const good = await goodServed(5)
  server.setRoute(FEED_PATH, Buffer.from(good.feed), 'application/json')
  server.setRoute(SIG_PATH, Buffer.from(good.sig), 'text/plain')
  browser = await launchBrowser()
  page = await (await browser.newContext(touchContext())).newPage()
  await page.goto(`${server.url}#/status`)
  await page.getByTestId('status-revision').filter({ hasText: '5' }).waitFor({ timeout: 30_000 })
})

afterAll(async () => {
  for (const res of held) res.destroy()
  await browser?.close()
  await server?.close()
})

describe('stalled responses and navigation away (issue 18 §4, §1)', () => {
  it('after 8 responses held open, the good revision applies at the next sync', async () => {
    server.setRoute(
      FEED_PATH,
      new RawHandler((_req, res) => {
        // headers and the start of a body, then nothing: the connection stays open until the kiosk lets go
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000', 'Cache-Control': 'no-store' })
        res.write('{"version":"https://jsonfeed.org/version/1.1",')
        held.push(res)
      }),
    )
    for (let i = 0; i < 8; i++) {
      await syncNow()
      await expect.poll(() => page.getByTestId('status-last-error').textContent()).toContain('超时')
    }
    expect(held.length).toBe(8)
    const good = await goodServed(6)
    server.setRoute(FEED_PATH, Buffer.from(good.feed), 'application/json')
    server.setRoute(SIG_PATH, Buffer.from(good.sig), 'text/plain')
    await syncNow()
    expect(await page.getByTestId('status-revision').textContent()).toBe('6')
    // the kiosk cancelled each stalled request: the server saw the connections close
    expect(held.filter((r) => r.destroyed || r.socket === null || r.socket.destroyed).length).toBe(8)
  })

  it('refuses to navigate to another origin: links, image-map areas, script', async () => {
    const home = page.url()
    const elsewhere = 'http://127.0.0.1:9/elsewhere'
    await page.evaluate((href) => {
      const a = document.createElement('a')
      a.href = href
      a.textContent = 'away'
      a.id = 'away-link'
      document.body.append(a)
      const map = document.createElement('map')
      map.name = 'm'
      map.innerHTML = `<area id="away-area" shape="rect" coords="0,0,50,50" href="${href}">`
      document.body.append(map)
    }, elsewhere)
    // the app covers the page body: the elements are activated as a tap would, by their click()
    await page.evaluate(() => (document.querySelector('#away-link') as HTMLAnchorElement).click())
    await page.evaluate(() => (document.querySelector('#away-area') as HTMLAreaElement).click())
    await page.evaluate((href) => window.location.assign(href), elsewhere)
    await page.waitForTimeout(1000)
    expect(page.url()).toBe(home)
    await expect.poll(() => page.getByTestId('sync-now').isVisible()).toBe(true)
    // moving inside the app still works
    await page.evaluate(() => (location.hash = '#/notices'))
    await expect.poll(() => page.url()).toContain('#/notices')
  })
})
