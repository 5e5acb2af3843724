/**
 * App updates on the hall machine: a new version downloads in the background
 * and takes over while nobody uses the kiosk. The township "deploys" by
 * switching the server's root between builds.
 *
 * Not here yet: a second update after the first (a resident mid-session, then
 * the idle reset) and the rollback of a version that fails to start. In
 * Chromium the second waiting version never activates after SKIP_WAITING
 * (issue 7 stays open with the details); those tests return with the fix.
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

beforeAll(async () => {
  // version A is the build under test; B is the same app labelled otherwise
  Object.assign(builds, { B: await buildVersion('hall-B') })
  server = await startHallServer({ root: DIST })
  // the build's own feed; short idle so the resident's session ends within the test
  server.setConfig({ feedUrl: 'demo/feed.json', idleSeconds: 5, pollSeconds: 3600, kioskId: 'hall-e2e-1' })
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

  it('#/status shows this kiosk for a technician — version, storage, heartbeat, a QR code — and the township received the same heartbeat', async () => {
    // the township sets statusUrl; the kiosk reads config at start
    server.setConfig({ feedUrl: 'demo/feed.json', idleSeconds: 5, pollSeconds: 3600, kioskId: 'hall-e2e-1', statusUrl: 'kiosk-status' })
    await page.reload()
    const posts = () => (server.posts.get('/kiosk-status') ?? []).map((b) => JSON.parse(b) as Record<string, unknown>)
    // one heartbeat right after every start
    await expect.poll(() => posts().some((p) => p.appVersion === 'hall-B'), { timeout: 15_000 }).toBe(true)
    const hb = posts().findLast((p) => p.appVersion === 'hall-B')!
    expect(hb).toMatchObject({ format: 1, kioskId: 'hall-e2e-1', village: expect.any(String), contentRevision: expect.any(Number), clockOk: true })
    expect(hb.storageUsed).toBeGreaterThan(0)
    expect(hb.lastSuccessfulSync).toBeTruthy()

    await page.goto(`${server.url}#/status`)
    await expect.poll(() => page.getByTestId('fleet-app-version').textContent(), { timeout: 15_000 }).toContain('hall-B')
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
