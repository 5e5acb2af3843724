/**
 * App updates on the hall machine: a new version downloads in the background
 * and takes over only while nobody uses the kiosk; a version that fails to
 * start is rolled back to the last one that worked, with no network needed.
 * The township "deploys" by switching the server's root between builds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchBrowser, PORTRAIT, touchContext } from './support/browser'
import { DIST } from './support/kioskServer'
import { screenshot, waitForServiceWorker } from './support/kiosk'
import { buildVersion, checkForUpdate, runningVersion, startHallServer, type HallServer } from './support/hall'
import { crashDuringApplySuite } from './support/hallCrash'

let server: HallServer
let browser: Browser
let context: BrowserContext
let page: Page
const builds: Record<string, string> = {}

/** what the service worker knows about versions */
const shellInfo = (p: Page) =>
  p.evaluate(
    () =>
      new Promise<{ selfLabel: string; goodLabel: string | null; bad: string[]; rolledBack: { fromLabel: string; toLabel: string } | null } | null>((resolve) => {
        const sw = navigator.serviceWorker.controller
        if (!sw) return resolve(null)
        const ch = new MessageChannel()
        ch.port1.onmessage = (e) => resolve(e.data)
        sw.postMessage({ type: 'GONGKAI_SHELL_STATE' }, [ch.port2])
        setTimeout(() => resolve(null), 2000)
      }),
  )
const waitingWorker = (p: Page) => p.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? null)

beforeAll(async () => {
  // version A is the build under test; B and D are the same app labelled otherwise, C fails at start
  const [b, c, d] = await Promise.all([buildVersion('hall-B'), buildVersion('hall-C', { VITE_GONGKAI_BREAK_START: '1' }), buildVersion('hall-D')])
  Object.assign(builds, { B: b, C: c, D: d })
  server = await startHallServer({ root: DIST })
  // the build's own feed; short idle so the resident's session ends within the test
  server.setConfig({ feedUrl: 'demo/feed.json', idleSeconds: 5, pollSeconds: 3600, kioskId: 'hall-e2e-1', statusUrl: 'kiosk-status' })
  browser = await launchBrowser()
  context = await browser.newContext(touchContext())
  page = await context.newPage()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('app updates on the hall machine', () => {
  let versionA = ''

  it('a kiosk running version A, idle, picks up version B by itself', async () => {
    await page.goto(server.url)
    await waitForServiceWorker(page)
    await expect.poll(() => runningVersion(page), { timeout: 20_000 }).not.toBeNull()
    versionA = (await runningVersion(page))!
    expect(versionA).not.toBe('hall-B')
    // the service worker has seen this version start: it is the one to fall back to
    await expect.poll(async () => (await shellInfo(page))?.goodLabel, { timeout: 10_000 }).toBe(versionA)

    server.setRoot(builds.B!)
    await checkForUpdate(page)
    // nobody has touched the kiosk since it started: B takes over without anyone doing anything
    await expect.poll(() => runningVersion(page), { timeout: 30_000 }).toBe('hall-B')
    await expect.poll(() => page.getByTestId('village-name').isVisible(), { timeout: 10_000 }).toBe(true)
    await expect.poll(async () => (await shellInfo(page))?.goodLabel, { timeout: 10_000 }).toBe('hall-B')
  })

  it('does not switch while a resident is using the kiosk, and switches after the idle reset', async () => {
    // a resident walks up: the first touch ends the attract loop if it is showing
    if (await page.getByTestId('attract').isVisible()) await page.getByTestId('attract').tap()
    await page.getByTestId('tile-checklist').tap()
    await expect.poll(() => page.url()).toContain('#/checklist')

    server.setRoot(builds.D!)
    await checkForUpdate(page)
    await expect.poll(() => waitingWorker(page), { timeout: 30_000 }).toBe('installed')
    // downloaded and ready, yet the resident's screen stays as it was
    expect(await runningVersion(page)).toBe('hall-B')
    expect(page.url()).toContain('#/checklist')
    await page.getByTestId('checklist-item').first().tap()
    expect(await runningVersion(page)).toBe('hall-B')
    await screenshot(page, 'hall-update-waiting-in-session')

    // At the idle reset the screen goes home and Chromium asks for the favicon again, through the old
    // version's service worker, just as the new version is told to take over; a request that reaches the old
    // worker while Chromium stops it restarts it, and the new version stayed waiting (src/modules/pwa.ts,
    // applyUpdate). Make that happen nearly every time: from the countdown's last seconds until a second
    // after the screen went home, requests reach the old worker back to back.
    await expect.poll(() => page.getByTestId('idle-seconds').textContent().catch(() => null), { timeout: 30_000, interval: 100 }).toMatch(/^[12]$/)
    await page.evaluate(() => {
      let homeAt = 0
      void (async () => {
        while (!homeAt || Date.now() - homeAt < 1000) {
          if (!homeAt && !location.hash.startsWith('#/checklist')) homeAt = Date.now()
          await fetch('./icon.svg').then((r) => r.arrayBuffer(), () => undefined)
        }
      })()
    })
    // the screen goes home, then the new version takes over
    await expect.poll(() => runningVersion(page), { timeout: 40_000, interval: 500 }).toBe('hall-D')
    expect(page.url()).not.toContain('#/checklist')
  })

  it('a version that throws at start is rolled back to the last one that worked, without the network', async () => {
    server.setRoot(builds.C!)
    await checkForUpdate(page)
    // C takes over (the kiosk is resting), fails twice, and D is served again from its own cache
    await expect.poll(async () => (await shellInfo(page))?.rolledBack?.fromLabel ?? null, { timeout: 45_000, interval: 500 }).toBe('hall-C')
    await expect.poll(() => runningVersion(page), { timeout: 20_000 }).toBe('hall-D')
    await expect.poll(() => page.getByTestId('village-name').isVisible(), { timeout: 10_000 }).toBe(true)
    const info = await shellInfo(page)
    expect(info?.selfLabel).toBe('hall-C')
    expect(info?.goodLabel).toBe('hall-D')
    await screenshot(page, 'hall-rolled-back')

    // the broken version is not tried again, even offline after a restart of the page
    await context.setOffline(true)
    await page.reload()
    await expect.poll(() => runningVersion(page), { timeout: 20_000 }).toBe('hall-D')
    await context.setOffline(false)
  })

  it('#/status shows this kiosk for a technician — version, storage, heartbeat, a QR code — and the township received the same heartbeat', async () => {
    const posts = () => (server.posts.get('/kiosk-status') ?? []).map((b) => JSON.parse(b) as Record<string, unknown>)
    // one heartbeat right after every start
    await expect.poll(() => posts().some((p) => p.appVersion === 'hall-D'), { timeout: 15_000 }).toBe(true)
    const hb = posts().findLast((p) => p.appVersion === 'hall-D')!
    expect(hb).toMatchObject({ format: 1, kioskId: 'hall-e2e-1', village: expect.any(String), contentRevision: expect.any(Number), clockOk: true })
    expect(hb.storageUsed).toBeGreaterThan(0)
    expect(hb.lastSuccessfulSync).toBeTruthy()

    await page.goto(`${server.url}#/status`)
    await expect.poll(() => page.getByTestId('fleet-app-version').textContent(), { timeout: 15_000 }).toContain('hall-D')
    await expect.poll(() => page.getByTestId('fleet-rolled-back').textContent()).toContain('hall-C')
    await expect.poll(() => page.getByTestId('fleet-kiosk-id').textContent()).toBe('hall-e2e-1')
    await expect.poll(() => page.getByTestId('fleet-storage').textContent()).toMatch(/已用 .+，共 .+（[\d.]+%）/)
    await expect.poll(() => page.getByTestId('fleet-qr').isVisible(), { timeout: 10_000 }).toBe(true)
    expect(await page.getByTestId('clock-wrong').count()).toBe(0)
    await page.getByTestId('fleet-status').scrollIntoViewIfNeeded()
    await screenshot(page, 'hall-status-landscape')
    await page.setViewportSize(PORTRAIT)
    await page.getByTestId('fleet-status').scrollIntoViewIfNeeded()
    await screenshot(page, 'hall-status-portrait')
  })
})

// after the update tests, in this worker: 20 Chromium kills during a large apply
crashDuringApplySuite()
