/**
 * Interaction on a 10,000-notice feed (all open, so the board lists all of
 * them) with the CPU slowed 4×: tap → next screen painted, for home → board
 * and board → notice detail; then scrolling the board, counting long tasks.
 * Every tap counts, the first visit of each screen too (reported on its own as
 * `first`: the board is kept alive after it, so later visits reuse it).
 */
import { launchProfile, longTasksBetween, throttle } from './lib/browser.mjs'
import { serve } from './lib/server.mjs'
import { feedBytes } from './lib/feedGen.mjs'
import { max, median, quantile } from './lib/stats.mjs'

const FEED = '/bench/feed.json'

/**
 * Taps `target` and resolves with ms from the pointerdown's timestamp to the
 * paint that first shows `next` (a rAF, then a task: just after that frame).
 */
async function tapToPaint(page, target, next) {
  const done = page.evaluate(
    (sel) =>
      new Promise((resolve) => {
        let t0
        addEventListener('pointerdown', (e) => (t0 = e.timeStamp), { capture: true, once: true })
        const check = () => {
          if (t0 === undefined || !document.querySelector(sel)) return
          obs.disconnect()
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)))
        }
        const obs = new MutationObserver(check)
        obs.observe(document.body, { childList: true, subtree: true, attributes: true })
      }),
    next,
  )
  await page.locator(target).first().tap()
  return done
}

/** @param {{ dist: string, items: number, runs: number, cpu: number, scrollSteps: number, scrollPx: number }} o */
export async function interactionBench(o) {
  const bytes = feedBytes({ items: o.items, now: Date.now(), openEvery: 1 })
  const server = await serve(o.dist, { config: { feedUrl: FEED, pollSeconds: 3600, maxFeedBytes: 64 * 1024 * 1024, fetchTimeoutSeconds: 120 }, feeds: { [FEED]: bytes } })
  const { context, close } = await launchProfile()
  try {
    const page = await context.newPage()
    await page.goto(server.url + '#/')
    await page.waitForFunction(() => performance.getEntriesByName('gongkai:sync-applied').length > 0, null, { timeout: 180_000, polling: 100 })
    await throttle(page, o.cpu)
    const toBoard = []
    const toDetail = []
    for (let i = 0; i < o.runs; i++) {
      await page.evaluate(() => (location.hash = '#/'))
      await page.locator('[data-testid=tile-notices]').waitFor()
      toBoard.push(await tapToPaint(page, '[data-testid=tile-notices]', '[data-testid=notice-card]'))
      toDetail.push(await tapToPaint(page, '[data-testid=notice-card]', '[data-testid=notice-title]'))
    }
    // scroll the board from the top, one wheel step per frame: `scrollPx` a frame is a hard fling
    // (200 px × 60 fps = 12,000 px/s; a finger's fling on a hall screen is a few thousand)
    await page.evaluate(() => (location.hash = '#/notices'))
    await page.locator('[data-testid=notice-card]').first().waitFor()
    const cardsInDom = await page.locator('[data-testid=notice-card]').count()
    await page.mouse.move(960, 600)
    const t0 = await page.evaluate(() => performance.now())
    for (let i = 0; i < o.scrollSteps; i++) {
      await page.mouse.wheel(0, o.scrollPx)
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())))
    }
    const t1 = await page.evaluate(() => performance.now())
    const scrolled = await page.evaluate(() => Math.max(scrollY, ...[...document.querySelectorAll('[data-scroll-container]')].map((e) => e.scrollTop)))
    const scrollTasks = await longTasksBetween(page, t0, t1)
    const all = [...toBoard, ...toDetail]
    return {
      items: o.items,
      cpu: o.cpu,
      runs: o.runs,
      // first: the first visit of the run (board not built yet, detail code not run yet); the others revisit
      homeToBoard: { median: median(toBoard), p95: quantile(toBoard, 0.95), first: toBoard[0], samples: toBoard },
      boardToDetail: { median: median(toDetail), p95: quantile(toDetail, 0.95), first: toDetail[0], samples: toDetail },
      tapP95: quantile(all, 0.95),
      scroll: { steps: o.scrollSteps, px: o.scrollPx, ms: t1 - t0, scrolledPx: scrolled, cardsInDom, longTasks: scrollTasks.length, maxTaskMs: max(scrollTasks.map((t) => t.duration)) },
    }
  } finally {
    await close()
    await server.close()
  }
}
