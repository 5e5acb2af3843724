/**
 * The boot snapshot (issue 19 item 2): after a visit, a reload paints the last resident screen from IndexedDB
 * before the framework runs, and the live app replaces it. The app's start is held by the test (its entry
 * module, which the boot script adds, waits until the test lets it in), so "before the app is live" is a
 * state, not a race: the snapshot shown, touches on it doing nothing, a snapshot of another revision never
 * shown, the header clock at the current time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { launchBrowser, touchContext } from './support/browser'
import { DIST, startKioskServer, type KioskServer } from './support/kioskServer'
import { waitForServiceWorker } from './support/kiosk'

const demo = JSON.parse(readFileSync(join(DIST, 'demo/feed.json'), 'utf8'))
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 })

/** holds the app's entry module (a module script appended by boot-snapshot.js) until `__releaseApp()` */
const HOLD_APP = `(() => {
  const append = Node.prototype.appendChild
  const held = []
  let released = false
  Node.prototype.appendChild = function (n) {
    if (!released && n instanceof HTMLScriptElement && n.type === 'module') { held.push(() => append.call(this, n)); return n }
    return append.call(this, n)
  }
  self.__releaseApp = () => { released = true; held.splice(0).forEach((f) => f()) }
  self.__sawSnapshot = false
  new MutationObserver(() => { if (document.getElementById('boot-snapshot')) self.__sawSnapshot = true }).observe(document, { childList: true, subtree: true })
})()`

/** the stored snapshot, rewritten in the page with plain IndexedDB (what a kiosk could have stored; the CSP allows no eval) */
async function editSnapshot(page: Page, edit: { revisionDelta?: number; replace?: [pattern: string, by: string][] }) {
  await page.evaluate(
    (e) =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.open('gongkai')
        r.onsuccess = () => {
          const tx = r.result.transaction('kv', 'readwrite')
          const kv = tx.objectStore('kv')
          const get = kv.get('boot.snapshot')
          get.onsuccess = () => {
            const s = get.result as { revisions: Record<string, number>; html: string }
            for (const k of Object.keys(s.revisions)) s.revisions[k]! += e.revisionDelta ?? 0
            for (const [p, by] of e.replace ?? []) s.html = s.html.replace(new RegExp(p), by)
            kv.put(s, 'boot.snapshot')
          }
          tx.oncomplete = () => {
            r.result.close()
            resolve()
          }
          tx.onerror = tx.onabort = () => reject(tx.error)
        }
        r.onerror = () => reject(r.error)
      }),
    edit,
  )
}

const saves = (page: Page) => page.evaluate(() => performance.getEntriesByName('gongkai:snapshot-saved').length)
/** lets the held app in, waits until it is live and has stored its own snapshot (nothing else writes one after) */
async function releaseAndSettle(page: Page) {
  await page.evaluate(() => (self as unknown as { __releaseApp: () => void }).__releaseApp())
  await poll(() => page.locator('#app [data-testid=checklist-item]').count()).toBe(demo._gongkai.checklist.length)
  await poll(() => saves(page)).toBeGreaterThan(0)
}

const snapshotState = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-snapshot'))

describe('boot snapshot', () => {
  let server: KioskServer
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    server = await startKioskServer()
    browser = await launchBrowser()
    context = await browser.newContext(touchContext())
    page = await context.newPage()
    await page.goto(`${server.url}#/checklist`)
    await waitForServiceWorker(page)
    await page.locator('#app [data-testid=checklist-item]').first().waitFor({ timeout: 30_000 })
    await page.waitForFunction(() => performance.getEntriesByName('gongkai:snapshot-saved').length > 0, null, { timeout: 30_000 })
    await context.addInitScript(HOLD_APP)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('paints the checklist before the app runs, takes no touch, and the live app replaces it', async () => {
    await page.reload()
    await poll(() => snapshotState(page)).toBe('shown')
    const snapshot = page.locator('#boot-snapshot')
    // the first screenful of the checklist (what lies wholly below the window is not stored)
    const shownItems = await snapshot.locator('[data-snapshot-testid=checklist-item]').allTextContents()
    expect(shownItems.length).toBeGreaterThan(3)
    expect(shownItems[0]).toContain(demo._gongkai.checklist[0].title)
    expect(await snapshot.getAttribute('aria-hidden')).toBe('true')
    // the app has not started: its own DOM is empty
    expect(await page.locator('#app [data-testid=checklist-item]').count()).toBe(0)

    // a resident taps an item and the nav bar's home before the app is live: nothing happens, nothing is queued
    const item = await snapshot.locator('[data-snapshot-testid=checklist-item]').first().boundingBox()
    await page.touchscreen.tap(item!.x + item!.width / 2, item!.y + item!.height / 2)
    await page.mouse.click(item!.x + 20, item!.y + 20)
    const home = await snapshot.locator('[data-snapshot-testid=nav-home]').boundingBox()
    if (home) await page.touchscreen.tap(home.x + home.width / 2, home.y + home.height / 2)
    expect(new URL(page.url()).hash).toBe('#/checklist')

    await releaseAndSettle(page)
    expect(await page.locator('#boot-snapshot').count()).toBe(0)
    expect(new URL(page.url()).hash).toBe('#/checklist')
    // the app shows what the snapshot showed, in the same place
    expect((await page.locator('#app [data-testid=checklist-item]').allTextContents()).slice(0, shownItems.length)).toEqual(shownItems)
    // and now a tap works
    await page.locator('#app [data-testid=checklist-item]').first().tap()
    await poll(() => new URL(page.url()).hash).toMatch(/^#\/checklist\/.+/)
    // back on the checklist, the app stores it again
    const before = await saves(page)
    await page.evaluate(() => (location.hash = '#/checklist'))
    await poll(() => saves(page)).toBeGreaterThan(before)
  })

  it('writes the header clock at the current time, not the saved one', async () => {
    await editSnapshot(page, { replace: [['(<span[^>]*class="time"[^>]*>)[^<]*', '$188:88'], ['(<span[^>]*class="date"[^>]*>)[^<]*', '$1旧日期']] })
    await page.reload()
    await poll(() => snapshotState(page)).toBe('shown')
    const shown = await page.evaluate(() => {
      const two = (n: number) => String(n).padStart(2, '0')
      const at = (d: Date) => `${two(d.getHours())}:${two(d.getMinutes())}`
      const now = new Date()
      const time = document.querySelector('#boot-snapshot time.clock .time')?.textContent
      const date = document.querySelector('#boot-snapshot time.clock .date')?.textContent
      return { time, date, now: [at(new Date(now.getTime() - 60_000)), at(now)], day: `${now.getMonth() + 1}月${now.getDate()}日` }
    })
    expect(shown.now).toContain(shown.time)
    expect(shown.date).toContain(shown.day)
    await releaseAndSettle(page)
  })

  it('never shows a snapshot of a revision that is not the live one', async () => {
    // older than the live revision (a new one applied without a new snapshot), then newer (the pointer moved back)
    for (const delta of [-1, 1]) {
      await editSnapshot(page, { revisionDelta: delta, replace: [['</header>', '<p data-testid="stale-marker">旧</p></header>']] })
      await page.reload()
      await poll(() => snapshotState(page)).toBe('revision')
      expect(await page.evaluate(() => (self as unknown as { __sawSnapshot: boolean }).__sawSnapshot)).toBe(false)
      expect(await page.getByTestId('stale-marker').count()).toBe(0)
      await releaseAndSettle(page)
      expect(await page.evaluate(() => (self as unknown as { __sawSnapshot: boolean }).__sawSnapshot)).toBe(false)
      // the live app has stored a fresh snapshot of the live revision: shown again on the next start
      await page.reload()
      await poll(() => snapshotState(page)).toBe('shown')
      await releaseAndSettle(page)
    }
  })
})
