/**
 * Cold start offline: navigation → `gongkai:first-content` with the service
 * worker installed, content stored, the network off and the CPU slowed 4×.
 * A fresh page (same profile) per run; median of `runs`.
 */
import { launchProfile, throttle, waitForServiceWorker } from './lib/browser.mjs'
import { serve } from './lib/server.mjs'
import { median, quantile } from './lib/stats.mjs'

const MARK = 'gongkai:first-content'

async function firstContentMs(page) {
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARK, { timeout: 60_000 })
  return page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, MARK)
}

/**
 * @param {{ dist: string, route: string, config?: object, feeds?: object, runs: number, cpu: number, ready: string }} o
 *   ready: a selector that shows stored content is there (first, online visit)
 */
export async function coldStart(o) {
  const server = await serve(o.dist, { config: o.config, feeds: o.feeds })
  const { context, close } = await launchProfile()
  try {
    const first = await context.newPage()
    await first.goto(server.url + o.route)
    await waitForServiceWorker(first)
    await first.locator(o.ready).first().waitFor({ timeout: 60_000 })
    await first.close()
    await context.setOffline(true)
    const samples = []
    for (let i = 0; i < o.runs; i++) {
      const page = await context.newPage()
      await throttle(page, o.cpu)
      await page.goto(server.url + o.route)
      samples.push(await firstContentMs(page))
      await page.close()
    }
    return { runs: o.runs, cpu: o.cpu, median: median(samples), p95: quantile(samples, 0.95), samples }
  } finally {
    await close()
    await server.close()
  }
}
