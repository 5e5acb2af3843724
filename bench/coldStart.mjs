/**
 * Cold start offline: navigation → the first screen's content painted, with the
 * service worker installed, content stored, the server shut, the network off
 * and the CPU slowed 4×. Paint is detected in the page (bench/lib/paint.mjs)
 * from before the app's first script runs.
 *
 * Each target gets its own profile folder, prepared by one online visit; then
 * the runs alternate between targets (A/B, the order flipped every round), and
 * every run is a fresh browser on that folder, alone: one profile open at a time.
 */
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { firstPage, newProfileDir, openProfile, throttle, waitForServiceWorker } from './lib/browser.mjs'
import { liveOnLoad, paintOnLoadScript, paintedOnLoad } from './lib/paint.mjs'
import { serve } from './lib/server.mjs'
import { median, quantile } from './lib/stats.mjs'

const MARK = 'gongkai:first-content'
/** the kiosk stored its boot snapshot (src/perf/snapshotSave.ts) */
const SNAPSHOT_SAVED = 'gongkai:snapshot-saved'

/**
 * @param {{ name: string, dist: string, route: string, config?: object, feeds?: object, ready: string, live?: string, snapshot?: boolean }[]} targets
 *   ready: a selector that shows the first screen's stored content is painted (the kiosk's boot snapshot counts:
 *   it is that content, painted); live: the same content in the app itself (`#app …`): the app is live, it
 *   answers touches (default: ready); snapshot: the online visit waits until the kiosk has stored its snapshot,
 *   as a kiosk that ran for a while has
 * @param {{ runs: number, cpu: number, kind: import('./lib/browser.mjs').BrowserKind }} o
 * @returns {Promise<Record<string, { runs: number, cpu: number, median: number, p95: number, samples: number[], live: { median: number, p95: number, samples: number[] }, marks: number[], snapshotShown: number }>>}
 */
export async function coldStarts(targets, o) {
  const prepared = []
  try {
    for (const t of targets) {
      const dir = newProfileDir()
      prepared.push({ t, dir, url: '', samples: [], live: [], marks: [], shown: 0 })
      const server = await serve(t.dist, { config: t.config, feeds: t.feeds })
      const p = await openProfile(dir, o.kind)
      try {
        const page = await firstPage(p.context)
        await page.goto(server.url + t.route)
        await waitForServiceWorker(page)
        await page.locator(t.ready).first().waitFor({ timeout: 180_000 })
        // a build without the boot snapshot (an older one, for an A/B) has nothing to wait for
        if (t.snapshot && existsSync(join(t.dist, 'boot-snapshot.js'))) await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, SNAPSHOT_SAVED, { timeout: 60_000 })
        // let the first visit's writes (sync state, caches) settle before the browser closes
        await page.waitForTimeout(500)
        prepared.at(-1).url = server.url + t.route
      } finally {
        await p.close()
        // shut: offline runs must be served by the service worker alone
        await server.close()
      }
    }
    for (let i = 0; i < o.runs; i++) {
      const order = i % 2 ? [...prepared].reverse() : prepared
      for (const s of order) {
        const p = await openProfile(s.dir, o.kind)
        try {
          await p.context.setOffline(true)
          await p.context.addInitScript(paintOnLoadScript(s.t.ready, '', s.t.live ?? s.t.ready))
          const page = await firstPage(p.context)
          await throttle(page, o.cpu)
          await page.goto(s.url)
          const painted = await paintedOnLoad(page)
          s.samples.push(painted.at)
          s.live.push((await liveOnLoad(page)).at)
          const { mark, shown } = await page.evaluate((m) => ({ mark: performance.getEntriesByName(m)[0]?.startTime ?? null, shown: document.documentElement.getAttribute('data-snapshot') === 'shown' }), MARK)
          if (mark !== null) s.marks.push(mark)
          if (shown) s.shown++
        } finally {
          await p.close()
        }
      }
    }
    return Object.fromEntries(
      prepared.map((s) => [
        s.t.name,
        { runs: o.runs, cpu: o.cpu, median: median(s.samples), p95: quantile(s.samples, 0.95), samples: s.samples, live: { median: median(s.live), p95: quantile(s.live, 0.95), samples: s.live }, marks: s.marks, snapshotShown: s.shown },
      ]),
    )
  } finally {
    for (const s of prepared) rmSync(s.dir, { recursive: true, force: true })
  }
}
