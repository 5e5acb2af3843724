/**
 * Debian's Chromium through playwright-core: no browser download, flags that
 * work as root in a container with no network but loopback.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_109_ARGS, chromium109Path } from './chromium109'

/** GONGKAI_E2E_BROWSER=chromium109 (set by npm test where there is no Debian chromium): the npm-shipped Chromium 109 */
const FLOOR = process.env.GONGKAI_E2E_BROWSER === 'chromium109'
export const CHROMIUM = FLOOR ? chromium109Path() : (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
export const CHROMIUM_ARGS = FLOOR ? CHROMIUM_109_ARGS : [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

export const LANDSCAPE = { width: 1920, height: 1080 }
export const PORTRAIT = { width: 1080, height: 1920 }

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
}

export const touchContext = (viewport = LANDSCAPE): BrowserContextOptions => ({ viewport, hasTouch: true, isMobile: false, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })

/** A browser with a profile on disk, so IndexedDB and the service worker survive a restart or a kill. */
export async function launchPersistent(userDataDir: string, viewport = LANDSCAPE): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, ...touchContext(viewport) })
}

export function tempProfile(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'))
  // retried: a browser that has just exited may still be letting go of its files
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }) }
}
