/**
 * Apply: a generated feed of N notices goes live through the kiosk's own sync
 * (worker: fetch, validate, normalise, index, commit; main thread: reload).
 * Floor, in the same page: fetch + JSON.parse + one raw IndexedDB transaction
 * putting the same records. Also the main-thread cost of a 304 poll.
 */
import { launchProfile, longTasksBetween } from './lib/browser.mjs'
import { serve } from './lib/server.mjs'
import { feedBytes } from './lib/feedGen.mjs'
import { max, median } from './lib/stats.mjs'

const FEED = '/bench/feed.json'

async function waitMeasure(page, name, after = 0) {
  await page.waitForFunction(([n, a]) => performance.getEntriesByName(n).some((e) => e.startTime >= a), [name, after], { timeout: 180_000, polling: 100 })
  return page.evaluate(([n, a]) => {
    const e = performance.getEntriesByName(n).filter((x) => x.startTime >= a).at(-1)
    return { start: e.startTime, duration: e.duration, workerMs: e.detail?.workerMs, mainMs: e.detail?.mainMs, stages: e.detail?.stages }
  }, [name, after])
}

/** JSON.parse + raw put of the same records in one transaction, on the main thread of the same page. */
function floorInPage(url) {
  return (async (feedUrl) => {
    const buf = await (await fetch(feedUrl, { cache: 'no-store' })).arrayBuffer()
    const db = await new Promise((res, rej) => {
      const r = indexedDB.open(`bench-floor-${Math.random()}`, 1)
      r.onupgradeneeded = () => {
        r.result.createObjectStore('notices', { keyPath: 'id' })
        r.result.createObjectStore('revisions', { keyPath: 'id' })
      }
      r.onsuccess = () => res(r.result)
      r.onerror = () => rej(r.error)
    })
    const t0 = performance.now()
    const feed = JSON.parse(new TextDecoder().decode(buf))
    const tx = db.transaction(['notices', 'revisions'], 'readwrite')
    const { items, ...rest } = feed
    tx.objectStore('revisions').put({ id: 1, ...rest })
    const notices = tx.objectStore('notices')
    for (const n of items) notices.put(n)
    await new Promise((res, rej) => {
      tx.oncomplete = res
      tx.onerror = () => rej(tx.error)
    })
    const t1 = performance.now()
    db.close()
    return { start: t0, ms: t1 - t0 }
  })(url)
}

/** @param {{ dist: string, items: number, runs: number, poll304?: boolean }} o */
export async function applyBench(o) {
  const now = Date.now()
  const bytes = feedBytes({ items: o.items, now, revision: 2 })
  const samples = []
  for (let run = 0; run < o.runs; run++) {
    // a running kiosk with a small revision 1 gets the big revision 2 at its next poll, so start-up work is not counted
    const feeds = { [FEED]: feedBytes({ items: 10, now, revision: 1 }) }
    const server = await serve(o.dist, { config: { feedUrl: FEED, pollSeconds: 2, maxFeedBytes: 64 * 1024 * 1024, fetchTimeoutSeconds: 120 }, feeds })
    const { context, close } = await launchProfile()
    try {
      const page = await context.newPage()
      await page.goto(server.url + '#/')
      const first = await waitMeasure(page, 'gongkai:sync-applied')
      await page.waitForTimeout(500)
      feeds[FEED] = bytes
      const applied = await waitMeasure(page, 'gongkai:sync-applied', first.start + first.duration)
      // the render that follows the reload counts too
      await page.waitForTimeout(300)
      const tasks = await longTasksBetween(page, applied.start, applied.start + applied.duration + 300)
      const floor = await page.evaluate(floorInPage, server.url.replace(/\/$/, '') + FEED)
      const floorTasks = await longTasksBetween(page, floor.start, floor.start + floor.ms)
      const sample = {
        applyMs: applied.duration,
        workerMs: applied.workerMs,
        reloadMs: applied.mainMs,
        longTasks: tasks.length,
        maxTaskMs: max(tasks.map((t) => t.duration)),
        floorMs: floor.ms,
        floorMaxTaskMs: max(floorTasks.map((t) => t.duration)),
        // the worker's steps (src/sync/applyRevision.ts): fetch, verify, validate, normalize, privacy, assets, index, commit, prune
        stages: applied.stages,
      }
      if (o.poll304) {
        const poll = await waitMeasure(page, 'gongkai:sync-state-not-modified', applied.start + applied.duration)
        const pollTasks = await longTasksBetween(page, poll.start, poll.start + poll.duration)
        Object.assign(sample, { poll304Ms: poll.duration, poll304MainMs: poll.mainMs, poll304MaxTaskMs: max(pollTasks.map((t) => t.duration)) })
      }
      samples.push(sample)
    } finally {
      await close()
      await server.close()
    }
  }
  const m = (k) => median(samples.map((s) => s[k]).filter((x) => x !== undefined))
  return {
    items: o.items,
    feedBytes: bytes.length,
    runs: o.runs,
    applyMs: m('applyMs'),
    workerMs: m('workerMs'),
    reloadMs: m('reloadMs'),
    floorMs: m('floorMs'),
    ratio: m('applyMs') / m('floorMs'),
    maxTaskMs: max(samples.map((s) => s.maxTaskMs)),
    longTasks: max(samples.map((s) => s.longTasks)),
    poll304MainMs: m('poll304MainMs'),
    poll304MaxTaskMs: m('poll304MaxTaskMs'),
    stages: Object.fromEntries(Object.keys(samples[0]?.stages ?? {}).map((k) => [k, median(samples.map((s) => s.stages?.[k]).filter((x) => x !== undefined))])),
    samples,
  }
}
