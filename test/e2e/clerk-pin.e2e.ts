/**
 * The provisioned clerk PIN (issue 18 item 8): its hash is never served to the
 * page — not in config.json (the service worker strips a clerkPinHash there),
 * not as clerk-pin.json (answered 404 to the page) — yet the PIN works, checked
 * by the service worker. Five wrong PINs lock clerk mode, and deleting the
 * clerk.lock key does not unlock it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { pbkdf2Sync, randomBytes } from 'node:crypto'
import { launchBrowser, touchContext } from './support/browser'
import { startKioskServer, type KioskServer } from './support/kioskServer'
import { enterPin as pinPad } from './support/clerkSteps'
import { waitForServiceWorker } from './support/kiosk'

const PIN = '482916'
function hashOf(pin: string): string {
  const salt = randomBytes(16)
  return `pbkdf2-sha256$200000$${salt.toString('base64')}$${pbkdf2Sync(pin, salt, 200_000, 32, 'sha256').toString('base64')}`
}
const HASH = hashOf(PIN)
let server: KioskServer
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  // an older deployment's config.json with the hash in it, and the new place: clerk-pin.json
  server = await startKioskServer({ config: { feedUrl: 'demo/feed.json', clerkPinHash: HASH } })
  server.setRoute('/clerk-pin.json', { clerkPinHash: HASH })
  browser = await launchBrowser()
  context = await browser.newContext(touchContext())
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('provisioned clerk PIN', () => {
  it('the page never gets the hash, and the PIN opens clerk mode', async () => {
    await page.goto(server.url)
    await waitForServiceWorker(page)
    await page.reload()
    const seen = await page.evaluate(async () => ({
      config: await (await fetch('config.json', { cache: 'no-store' })).text(),
      pinFile: (await fetch('clerk-pin.json', { cache: 'no-store' })).status,
    }))
    expect(seen.config).not.toContain('pbkdf2')
    expect(seen.config).not.toContain('clerkPinHash')
    expect(seen.config).toContain('demo/feed.json')
    expect(seen.pinFile).toBe(404)
    // nor anywhere the page keeps things
    const stored = await page.evaluate(async () => {
      const names = await caches.keys()
      let text = ''
      for (const n of names) {
        if (n.startsWith('gongkai-shell')) continue
        for (const req of await (await caches.open(n)).keys()) if (!req.url.includes('__gongkai/config-pin') && !req.url.endsWith('clerk-pin.json')) text += await (await (await caches.open(n)).match(req))!.text()
      }
      return text
    })
    expect(stored).not.toContain('pbkdf2')

    await page.goto(`${server.url}#/clerk`)
    await page.getByTestId('pin-pad').waitFor()
    // a PIN to enter, not one to set
    expect(await page.getByTestId('pin-pad').textContent()).toContain('请输入文书密码')
    await pinPad(page, '000000')
    await page.getByTestId('pin-wrong').waitFor()
    await pinPad(page, PIN)
    await page.getByTestId('clerk-nav-ledger').waitFor()
  })

  it('five wrong PINs lock it, and deleting the clerk.lock key does not unlock', async () => {
    await page.getByTestId('clerk-leave').tap()
    await page.goto(`${server.url}#/clerk`)
    await page.reload()
    for (let i = 0; i < 5; i++) {
      await page.getByTestId('pin-pad').waitFor()
      await pinPad(page, '111111')
      if (i < 4) await expect.poll(() => page.getByTestId('pin-wrong').textContent()).toContain(String(4 - i))
    }
    await page.getByTestId('pin-locked').waitFor()
    await page.evaluate(() => new Promise<void>((res, rej) => {
      const r = indexedDB.open('gongkai')
      r.onsuccess = () => {
        const tx = r.result.transaction('kv', 'readwrite')
        tx.objectStore('kv').delete('clerk.lock')
        tx.oncomplete = () => res()
        tx.onerror = () => rej(tx.error)
      }
    }))
    await page.reload()
    await page.getByTestId('pin-locked').waitFor()
    expect(await page.getByTestId('pin-pad').count()).toBe(0)
  })

  it('on a first start straight into clerk mode, and after a hard reload, the township PIN is asked for, not a new one', async () => {
    const fresh = await browser.newContext(touchContext())
    try {
      const first = await fresh.newPage()
      await first.goto(`${server.url}#/clerk`)
      await first.getByTestId('pin-pad').waitFor()
      expect(await first.getByTestId('pin-pad').textContent()).toContain('请输入文书密码')
      await pinPad(first, PIN)
      await first.getByTestId('clerk-nav-ledger').waitFor()

      // a hard reload (Shift+F5 on a hall PC): the worker is active but does not control the page, and never will
      const cdp = await fresh.newCDPSession(first)
      await cdp.send('Page.reload', { ignoreCache: true })
      await first.waitForFunction(() => navigator.serviceWorker.controller === null && document.querySelector('[data-testid="pin-pad"]') !== null, null, { timeout: 10_000 })
      expect(await first.getByTestId('pin-pad').textContent()).toContain('请输入文书密码')
      await pinPad(first, PIN)
      await first.getByTestId('clerk-nav-ledger').waitFor()
    } finally {
      await fresh.close()
    }
  })
})
