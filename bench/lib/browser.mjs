/**
 * The two browsers the bench runs in, through playwright-core: Debian Chromium
 * (flags from /work/shared/toolchain.md) and Chromium 109, the hall-PC floor,
 * from @sparticuz/chromium@109.0.6, unpacked into the bench's own temp folder.
 * One browser and one profile at a time: a run launches, measures and closes.
 */
import { chromium } from 'playwright-core'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
/** what Chromium 109 from @sparticuz/chromium needs to start here (toolchain.md) */
export const CHROMIUM_109_ARGS = ['--no-sandbox', '--single-process', '--no-zygote', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
export const VIEWPORT = { width: 1920, height: 1080 }
const CONTEXT = { viewport: VIEWPORT, hasTouch: true, isMobile: false, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }

/** The bench's temp folder: the unpacked Chromium 109 and every profile live under it. */
export const BENCH_TMP = process.env.GONGKAI_BENCH_TMP ?? join(tmpdir(), 'gongkai-bench')

/**
 * Unpacks Chromium 109 into `under` (once per folder: scripts/bench.mjs passes its run's temp
 * folder, removed at the end) and returns its path. Written to a temp name and renamed, so an
 * interrupted unpack is never taken for a binary.
 */
export function chromium109Path(under = BENCH_TMP) {
  const dir = join(under, 'chromium-109.0.6')
  const exe = join(dir, 'chromium')
  if (existsSync(exe)) return exe
  const require = createRequire(import.meta.url)
  const pkg = dirname(require.resolve('@sparticuz/chromium/package.json'))
  mkdirSync(dir, { recursive: true })
  const part = `${exe}.part-${process.pid}`
  writeFileSync(part, brotliDecompressSync(readFileSync(join(pkg, 'bin', 'chromium.br'))))
  chmodSync(part, 0o755)
  renameSync(part, exe)
  return exe
}

/** @typedef {{ name: string, label: string, executablePath: string, args: string[] }} BrowserKind */

/** @returns {BrowserKind} */
export function debianChromium() {
  return { name: 'debian', label: 'Debian Chromium', executablePath: CHROMIUM, args: CHROMIUM_ARGS }
}

/** @param {string} [under] where to unpack it @returns {BrowserKind} */
export function chromium109(under) {
  return { name: 'c109', label: 'Chromium 109', executablePath: chromium109Path(under), args: CHROMIUM_109_ARGS }
}

/** Records every long task (> 50 ms) of the page from its first moment. */
const LONGTASK_SCRIPT = `(() => {
  const tasks = (self.__benchLongTasks = [])
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push({ start: e.startTime, duration: e.duration }) }).observe({ type: 'longtask', buffered: true }) } catch {}
})()`

/** A new profile folder under BENCH_TMP; remove it with rmSync when done. */
export function newProfileDir() {
  mkdirSync(BENCH_TMP, { recursive: true })
  return mkdtempSync(join(BENCH_TMP, 'profile-'))
}

/**
 * Opens `dir` as a persistent profile (service worker and IndexedDB survive a
 * close) in browser `kind`. close() closes the browser and keeps the folder.
 * @param {BrowserKind} [kind]
 */
export async function openProfile(dir, kind = debianChromium()) {
  const context = await chromium.launchPersistentContext(dir, { executablePath: kind.executablePath, headless: true, args: kind.args, ...CONTEXT })
  await context.addInitScript(LONGTASK_SCRIPT)
  return {
    context,
    version: context.browser()?.version() ?? null,
    async close() {
      await context.close().catch(() => undefined)
    },
  }
}

/** A throw-away persistent profile, removed by close(). @param {BrowserKind} [kind] */
export async function launchProfile(kind = debianChromium()) {
  const dir = newProfileDir()
  const p = await openProfile(dir, kind)
  return {
    ...p,
    async close() {
      await p.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A first page: the persistent context opens one; reuse it instead of keeping two. */
export async function firstPage(context) {
  return context.pages()[0] ?? (await context.newPage())
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

/** JS heap in use after two full collections (DevTools protocol), bytes. */
export async function heapUsedAfterGc(page) {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return usedSize
  } finally {
    await cdp.detach().catch(() => undefined)
  }
}
