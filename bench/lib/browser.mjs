/** Debian Chromium through playwright-core, with the flags from /work/shared/toolchain.md. */
import { chromium } from 'playwright-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
export const VIEWPORT = { width: 1920, height: 1080 }
const CONTEXT = { viewport: VIEWPORT, hasTouch: true, isMobile: false, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }

/** Records every long task (> 50 ms) of the page from its first moment. */
const LONGTASK_SCRIPT = `(() => {
  const tasks = (self.__benchLongTasks = [])
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push({ start: e.startTime, duration: e.duration }) }).observe({ type: 'longtask', buffered: true }) } catch {}
})()`

/** A persistent profile (service worker and IndexedDB survive new pages), removed by close(). */
export async function launchProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'))
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, ...CONTEXT })
  await context.addInitScript(LONGTASK_SCRIPT)
  return {
    context,
    async close() {
      await context.close().catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** CPU slowed down `rate` times for this page (DevTools protocol), like a cheap kiosk. */
export async function throttle(page, rate) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  return cdp
}

/** Long tasks recorded in the page that overlap [from, to] (page time, ms). */
export function longTasksBetween(page, from = 0, to = Infinity) {
  return page.evaluate(([a, b]) => (self.__benchLongTasks ?? []).filter((t) => t.start + t.duration >= a && t.start <= b), [from, to === Infinity ? 1e15 : to])
}

export async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30_000 })
}
