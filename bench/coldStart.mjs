/**
 * Cold start offline: navigation → `gongkai:first-content` with the service
 * worker installed, content stored, the network off and the CPU slowed 4×.
 * Each target gets its own profile, prepared by one online visit; then the runs
 * alternate between targets (a fresh page in the target's profile each time), so
 * a load swing on a shared machine hits the floor and the kiosk alike.
 */
import { launchProfile, throttle, waitForServiceWorker } from './lib/browser.mjs'
import { serve } from './lib/server.mjs'
import { median, quantile } from './lib/stats.mjs'

const MARK = 'gongkai:first-content'

async function firstContentMs(page) {
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARK, { timeout: 120_000 })
  return page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, MARK)
}

/**
 * @param {{ name: string, dist: string, route: string, config?: object, feeds?: object, ready: string }[]} targets
 *   ready: a selector that shows stored content is there (first, online visit)
 * @param {{ runs: number, cpu: number }} o
 * @returns {Promise<Record<string, { runs: number, cpu: number, median: number, p95: number, samples: number[] }>>}
 */
export async function coldStarts(targets, o) {
  const open = []
  try {
    for (const t of targets) {
      const server = await serve(t.dist, { config: t.config, feeds: t.feeds })
      const profile = await launchProfile()
      open.push({ t, server, profile, samples: [] })
      const first = await profile.context.newPage()
      await first.goto(server.url + t.route)
      await waitForServiceWorker(first)
      await first.locator(t.ready).first().waitFor({ timeout: 180_000 })
      await first.close()
      await profile.context.setOffline(true)
    }
    for (let i = 0; i < o.runs; i++) {
      for (const s of open) {
        const page = await s.profile.context.newPage()
        await throttle(page, o.cpu)
        await page.goto(s.server.url + s.t.route)
        s.samples.push(await firstContentMs(page))
        await page.close()
      }
    }
    return Object.fromEntries(open.map((s) => [s.t.name, { runs: o.runs, cpu: o.cpu, median: median(s.samples), p95: quantile(s.samples, 0.95), samples: s.samples }]))
  } finally {
    for (const s of open) {
      await s.profile.close()
      await s.server.close()
    }
  }
}
