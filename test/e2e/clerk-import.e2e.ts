/**
 * Hostile import files against the built kiosk (issue 16 item 2, issue 18
 * item 10): each is refused with its reason, within 2 s, before the clerk is
 * asked anything and without touching the stored village layer, while the
 * renderer's JS heap (CDP Performance.getMetrics, sampled every 25 ms) stays
 * under a bound, and so does the renderer process's resident memory (VmRSS from
 * /proc: ArrayBuffers live outside the JS heap). The peak figures are printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { launchBrowser, tempProfile, touchContext } from './support/browser'
import { startKioskServer, type KioskServer } from './support/kioskServer'
import { enterPin as pinPad } from './support/clerkSteps'
import { HOSTILE } from '../unit/clerk/hostileZips'

const PIN = '864200'
/** the heap may grow by this much over its level before the import (a 1 GB bomb grew memory ~2.3 GB before) */
const HEAP_GROWTH_BOUND = 32 * 1024 * 1024
/** the renderer's resident memory: ~2x the largest allowed photo (8 MB), plus 16 MB for the page's own work */
const RSS_GROWTH_BOUND = 32 * 1024 * 1024
/** the expected reason, in the words the clerk reads */
const WORDS: Record<string, RegExp> = {
  entry_too_big: /解压后过大/,
  too_many_entries: /条目太多/,
  truncated: /不完整/,
  bad_name: /不安全的路径名/,
  duplicate_name: /同名条目/,
  other_village: /石桥村（330100999）.*本机是.*（\d+）/,
  no_village: /没有注明是哪个村/,
  photo_missing: /缺少照片/,
}
let server: KioskServer
let browser: Browser
let context: BrowserContext
let page: Page
let cdp: CDPSession
let dir: ReturnType<typeof tempProfile>
const figures: string[] = []

beforeAll(async () => {
  server = await startKioskServer({ config: { feedUrl: 'demo/feed.json' } })
  dir = tempProfile()
  browser = await launchBrowser()
  context = await browser.newContext(touchContext())
  page = await context.newPage()
  cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
})

afterAll(async () => {
  console.log(`hostile import, renderer JS heap (used) peak over the level before:\n${figures.join('\n')}`)
  await browser?.close()
  await server?.close()
  dir?.remove()
})

/** resident memory of the renderer processes of the browser under test (bytes) */
function rendererRss(): number {
  // the browser this test launched is a child of this process; its renderers descend from it
  const root = process.pid
  const parent = new Map<number, number>()
  const renderers: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      parent.set(Number(name), Number(/\) \w (\d+)/.exec(stat)![1]))
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('--type=renderer')) renderers.push(Number(name))
    } catch {
      // gone meanwhile
    }
  }
  let total = 0
  for (const pid of renderers) {
    let p: number | undefined = pid
    while (p && p > 1 && p !== root) p = parent.get(p)
    if (p !== root) continue
    try {
      total += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024
    } catch {
      // gone meanwhile
    }
  }
  return total
}

async function heapUsed(): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value
}

/** the stored village layer, as one string */
const layer = () => page.evaluate(() => new Promise<string>((res) => {
  const r = indexedDB.open('gongkai')
  r.onsuccess = async () => {
    const db = r.result
    const all = (s: string) => new Promise<unknown[]>((ok) => {
      const q = db.transaction(s).objectStore(s).getAll()
      q.onsuccess = () => ok(q.result.map((x: Record<string, unknown>) => ({ ...x, blob: undefined })))
    })
    res(JSON.stringify([await all('clerkItems'), await all('ledger'), await all('localNotices'), await all('photos')]))
    db.close()
  }
}))

describe('hostile import files', () => {
  it('a ledger record to protect', async () => {
    await page.goto(`${server.url}#/clerk`)
    await page.getByTestId('pin-pad').waitFor({ timeout: 30_000 })
    await pinPad(page, PIN)
    await pinPad(page, PIN)
    await page.getByTestId('clerk-nav-ledger').tap()
    await page.getByTestId('ledger-new').tap()
    await page.getByTestId('ledger-item').selectOption({ index: 1 })
    await page.getByTestId('ledger-period').fill('2026年10月')
    await page.getByTestId('ledger-save').tap()
    await expect.poll(() => page.getByTestId('ledger-row').count()).toBe(1)
    await page.getByTestId('clerk-nav-data').tap()
  })

  it.each(HOSTILE.map(([name, make, code]) => ({ name, make, code })))('$name: refused ($code) before anything is asked or touched, heap bounded', async ({ name, make, code }) => {
    const file = join(dir.dir, `${code}.zip`)
    writeFileSync(file, make())
    const before = await layer()
    await page.evaluate(() => (globalThis as unknown as { gc?: () => void }).gc?.())
    const base = await heapUsed()
    const rssBase = rendererRss()
    let peak = base
    let rssPeak = rssBase
    let sampling = true
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await heapUsed())
        rssPeak = Math.max(rssPeak, rendererRss())
        await new Promise((r) => setTimeout(r, 25))
      }
    })()
    const t0 = Date.now()
    await page.getByTestId('import-input').setInputFiles(file)
    await page.getByTestId('import-error').waitFor({ timeout: 10_000 })
    const ms = Date.now() - t0
    sampling = false
    await sampler
    peak = Math.max(peak, await heapUsed())
    const text = (await page.getByTestId('import-error').textContent()) ?? ''
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
    figures.push(`  ${name}: JS heap +${mb(peak - base)} MB (peak ${mb(peak)} MB), renderer RSS +${mb(rssPeak - rssBase)} MB (peak ${mb(rssPeak)} MB), refused in ${ms} ms`)
    expect(text).toMatch(/[\u4e00-\u9fff]/)
    expect(text).toContain('本机数据没有任何改动')
    expect(ms).toBeLessThan(2000)
    expect(text).toMatch(WORDS[code]!)
    expect(rssBase).toBeGreaterThan(0)
    expect(peak - base).toBeLessThan(HEAP_GROWTH_BOUND)
    expect(rssPeak - rssBase).toBeLessThan(RSS_GROWTH_BOUND)
    expect(await page.getByTestId('import-confirm').count()).toBe(0)
    expect(await layer()).toBe(before)
  })
})
