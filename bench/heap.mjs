/**
 * Memory: the JS heap in use (after two full collections, DevTools protocol)
 * once a resident has visited every resident screen of a kiosk holding N
 * notices, beside the cold-start floor app's heap after its first paint
 * (bench/floor-app/: the same framework stack, one value). Each is a fresh
 * browser alone. Clerk screens sit behind the clerk's PIN and are not visited.
 */
import { rmSync } from 'node:fs'
import { firstPage, heapUsedAfterGc, launchProfile, newProfileDir, openProfile } from './lib/browser.mjs'
import { serve } from './lib/server.mjs'
import { feedBytes } from './lib/feedGen.mjs'
import { snapshotSummary } from './lib/heapSnapshot.mjs'

const FEED = '/bench/feed.json'

/** every resident screen, with the element that shows it has its content */
const SCREENS = [
  ['#/', '[data-testid=tile-notices]'],
  ['#/checklist', '[data-testid=checklist-item]'],
  ['#/checklist/CL-00', 'main'],
  ['#/notices', '[data-testid=notice-card]'],
  ['#/notices/archive', 'main'],
  ['#/notices/N-1', '[data-testid=notice-title]'],
  ['#/handbook', 'main'],
  ['#/handbook/ch-1', 'main'],
  ['#/status', 'main'],
  ['#/search', 'main'],
  ['#/', '[data-testid=tile-notices]'],
]

/** @param {{ dist: string, floorDist: string, items: number, settleMs?: number, kind: import('./lib/browser.mjs').BrowserKind }} o */
export async function heapBench(o) {
  const bytes = feedBytes({ items: o.items, now: Date.now() })
  const server = await serve(o.dist, { config: { feedUrl: FEED, pollSeconds: 3600, maxFeedBytes: 64 * 1024 * 1024, fetchTimeoutSeconds: 120 }, feeds: { [FEED]: bytes } })
  let kioskBytes
  const visited = []
  const p = await launchProfile(o.kind)
  try {
    const page = await firstPage(p.context)
    await page.goto(server.url + '#/')
    // polled with evaluate, not waitForFunction: that injects Playwright's 0.33 MB script into the page's own world,
    // which the floor (waited for by a locator, in Playwright's utility world) does not carry
    const deadline = Date.now() + 180_000
    while (!(await page.evaluate(() => performance.getEntriesByName('gongkai:sync-applied').length > 0))) {
      if (Date.now() > deadline) throw new Error('heap bench: the feed was never applied')
      await page.waitForTimeout(100)
    }
    for (const [hash, ready] of SCREENS) {
      await page.evaluate((h) => (location.hash = h), hash)
      await page.locator(ready).first().waitFor({ timeout: 60_000 })
      // the screen's idle work (prefetches, virtualizer measuring) runs too
      await page.waitForTimeout(o.settleMs ?? 700)
      visited.push(hash)
    }
    kioskBytes = await heapUsedAfterGc(page)
    // what holds the memory, when asked for (docs/performance.md)
    if (process.env.GONGKAI_HEAP_SNAPSHOT) console.log(await snapshotSummary(page, `${process.env.GONGKAI_HEAP_SNAPSHOT}-${o.kind.name}.heapsnapshot`))
  } finally {
    await p.close()
    await server.close()
  }
  const floorServer = await serve(o.floorDist)
  const dir = newProfileDir()
  let floorBytes
  try {
    const f = await openProfile(dir, o.kind)
    try {
      const page = await firstPage(f.context)
      await page.goto(floorServer.url)
      await page.locator('[data-testid=floor]').waitFor({ timeout: 60_000 })
      await page.waitForTimeout(o.settleMs ?? 700)
      floorBytes = await heapUsedAfterGc(page)
    } finally {
      await f.close()
    }
  } finally {
    await floorServer.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return { items: o.items, screens: visited, kioskBytes, floorBytes, ratio: kioskBytes / floorBytes }
}
