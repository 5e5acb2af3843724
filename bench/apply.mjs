/**
 * Apply: a generated feed of N notices goes live through the kiosk's own sync
 * (worker: fetch, validate, normalise, mask, index, commit; main thread:
 * reload, render), timed from the server's answer to the new board painted.
 * The floor (bench/lib/floorApply.ts) fetches the same bytes, parses them,
 * writes the same records in the kiosk's layout in one transaction and paints
 * the first screenful, timed the same way. The runs alternate kiosk / floor,
 * each a fresh browser alone. Then kiosk runs at 4× CPU for the longest
 * main-thread task, and the main-thread cost of the 304 poll that follows.
 */
import { fileURLToPath } from 'node:url'
import { build, stop } from 'esbuild'
import { firstPage, launchProfile, longTasksBetween, throttle } from './lib/browser.mjs'
import { PAINT_SCRIPT } from './lib/paint.mjs'
import { serve } from './lib/server.mjs'
import { feedBytes } from './lib/feedGen.mjs'
import { max, median } from './lib/stats.mjs'
import { startProfile, tasksBreakdown } from './lib/cpuProfile.mjs'

const FEED = '/bench/feed.json'
const FLOOR_PAGE = '/bench/floor-apply.html'
/** on every title of the new revision: its cards are told from the old one's in the page */
const MARK = '〔新〕'
const TIMEOUT = 240_000

async function floorPage() {
  const b = await build({ entryPoints: [fileURLToPath(new URL('./floorApplyPage.ts', import.meta.url))], bundle: true, format: 'iife', platform: 'browser', target: 'es2020', minify: true, write: false })
  // esbuild's service process would otherwise keep the bench's Node process alive for minutes after the table
  await stop()
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>apply floor</title><body><main id="board"><p>旧内容</p></main><script>${b.outputFiles[0].text}</script></body></html>`
}

function withTimeout(p, what) {
  return Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error(`${what}: no paint within ${TIMEOUT / 1000} s`)), TIMEOUT))])
}

async function waitMeasure(page, name, after = 0) {
  await page.waitForFunction(([n, a]) => performance.getEntriesByName(n).some((e) => e.startTime >= a), [name, after], { timeout: TIMEOUT, polling: 100 })
  return page.evaluate(([n, a]) => {
    const e = performance.getEntriesByName(n).filter((x) => x.startTime >= a).at(-1)
    return { start: e.startTime, duration: e.duration, workerMs: e.detail?.workerMs, mainMs: e.detail?.mainMs, liveAt: e.detail?.liveAt, stages: e.detail?.stages }
  }, [name, after])
}

/** One kiosk run: revision 1 (10 notices) on the board, then `bytes` published; ms from the answer to the painted board. */
async function kioskRun(o, bytes, cpu) {
  const now = Date.now()
  const feeds = { [FEED]: feedBytes({ items: 10, now, revision: 1 }) }
  const server = await serve(o.dist, { config: { feedUrl: FEED, pollSeconds: 2, maxFeedBytes: 64 * 1024 * 1024, fetchTimeoutSeconds: 120 }, feeds })
  const p = await launchProfile(o.kind)
  try {
    await p.context.addInitScript(PAINT_SCRIPT)
    const page = await firstPage(p.context)
    await page.goto(server.url + '#/notices')
    const first = await waitMeasure(page, 'gongkai:sync-applied')
    await page.locator('[data-testid=notice-card]').first().waitFor({ timeout: TIMEOUT })
    await page.waitForTimeout(500)
    if (cpu > 1) await throttle(page, cpu)
    // GONGKAI_APPLY_PROFILE=<dir>: the throttled runs' main thread under the CDP Profiler, its long tasks broken down
    const profiling = cpu > 1 && process.env.GONGKAI_APPLY_PROFILE ? await startProfile(page) : null
    const painted = withTimeout(page.evaluate((m) => self.__benchPaint('[data-testid=notice-card]', m), MARK), 'kiosk')
    const since = Date.now()
    feeds[FEED] = bytes
    const paint = await painted
    const answer = server.answerAfter(FEED, since)
    const origin = await page.evaluate(() => performance.timeOrigin)
    const answerAt = answer.at - origin
    const applied = await waitMeasure(page, 'gongkai:sync-applied', first.start + first.duration)
    await page.waitForTimeout(300)
    const tasks = await longTasksBetween(page, answerAt, paint.at + 300)
    if (profiling) {
      const file = `${process.env.GONGKAI_APPLY_PROFILE}/apply-${o.kind.name ?? 'browser'}-${cpu}x-${Date.now()}.cpuprofile`
      const profiled = await profiling.stop(file)
      const breakdown = tasksBreakdown(profiled, tasks)
      console.error(`[apply profile] ${file}: profile from ${profiled.startedAt}, answer at ${Math.round(answerAt)}, painted at ${Math.round(paint.at)}`)
      for (const b of breakdown) console.error(JSON.stringify(b, null, 1))
    }
    const sample = { ms: paint.epoch - answer.at, cpu, longTasks: tasks.length, maxTaskMs: max(tasks.map((t) => t.duration)), workerMs: applied.workerMs, reloadMs: applied.mainMs, liveToPaintMs: applied.liveAt === undefined ? undefined : paint.at - applied.liveAt, stages: applied.stages }
    if (o.poll304 && cpu === 1) {
      const poll = await waitMeasure(page, 'gongkai:sync-state-not-modified', applied.start + applied.duration)
      const pollTasks = await longTasksBetween(page, poll.start, poll.start + poll.duration)
      Object.assign(sample, { poll304MainMs: poll.mainMs, poll304MaxTaskMs: max(pollTasks.map((t) => t.duration)) })
    }
    return sample
  } finally {
    await p.close()
    await server.close()
  }
}

/** One floor run: the floor page fetches `bytes`; ms from the answer to its painted first screenful. */
async function floorRun(o, bytes, html, cpu) {
  const server = await serve(o.dist, { feeds: { [FEED]: bytes }, files: { [FLOOR_PAGE]: { body: html, type: 'text/html; charset=utf-8' } } })
  const p = await launchProfile(o.kind)
  try {
    await p.context.addInitScript(PAINT_SCRIPT)
    const page = await firstPage(p.context)
    await page.goto(server.url.replace(/\/$/, '') + FLOOR_PAGE)
    if (cpu > 1) await throttle(page, cpu)
    const since = Date.now()
    const paint = await withTimeout(
      page.evaluate((url) => {
        const painted = self.__benchPaint('[data-testid=floor-card]')
        return self.__floorApply(url).then(() => painted)
      }, FEED),
      'floor',
    )
    const answer = server.answerAfter(FEED, since)
    const origin = await page.evaluate(() => performance.timeOrigin)
    const tasks = await longTasksBetween(page, answer.at - origin, paint.at)
    return { ms: paint.epoch - answer.at, cpu, maxTaskMs: max(tasks.map((t) => t.duration)) }
  } finally {
    await p.close()
    await server.close()
  }
}

/**
 * @param {{ dist: string, items: number, runs: number, throttledRuns: number, cpu: number, poll304?: boolean, kind: import('./lib/browser.mjs').BrowserKind }} o
 */
export async function applyBench(o) {
  const bytes = feedBytes({ items: o.items, now: Date.now(), revision: 2, mark: MARK })
  const html = await floorPage()
  const kiosk = []
  const floor = []
  for (let i = 0; i < o.runs; i++) {
    // A/B, the order flipped every round
    if (i % 2) {
      floor.push(await floorRun(o, bytes, html, 1))
      kiosk.push(await kioskRun(o, bytes, 1))
    } else {
      kiosk.push(await kioskRun(o, bytes, 1))
      floor.push(await floorRun(o, bytes, html, 1))
    }
  }
  const throttled = []
  for (let i = 0; i < o.throttledRuns; i++) throttled.push(await kioskRun(o, bytes, o.cpu))
  const floorThrottled = o.throttledRuns ? [await floorRun(o, bytes, html, o.cpu)] : []
  const m = (xs, k) => median(xs.map((s) => s[k]).filter((x) => x !== undefined))
  return {
    items: o.items,
    feedBytes: bytes.length,
    runs: o.runs,
    applyMs: m(kiosk, 'ms'),
    floorMs: m(floor, 'ms'),
    ratio: m(kiosk, 'ms') / m(floor, 'ms'),
    workerMs: m(kiosk, 'workerMs'),
    reloadMs: m(kiosk, 'reloadMs'),
    /** main thread: the `live` message's arrival → the new board painted */
    liveToPaintMs: m(kiosk, 'liveToPaintMs'),
    /** longest main-thread task between the answer and 300 ms after the paint, over the runs at o.cpu */
    cpu: o.cpu,
    maxTaskMs: max(throttled.map((s) => s.maxTaskMs)),
    throttledMs: m(throttled, 'ms'),
    floorThrottledMs: m(floorThrottled, 'ms'),
    floorMaxTaskMs: max(floorThrottled.map((s) => s.maxTaskMs)),
    poll304MainMs: m(kiosk, 'poll304MainMs'),
    poll304MaxTaskMs: m(kiosk, 'poll304MaxTaskMs'),
    stages: Object.fromEntries(Object.keys(kiosk[0]?.stages ?? {}).map((k) => [k, median(kiosk.map((s) => s.stages?.[k]).filter((x) => x !== undefined))])),
    samples: { kiosk, floor, throttled, floorThrottled },
  }
}
