#!/usr/bin/env node
/**
 * The performance benchmarks (bench/, docs/performance.md): builds the kiosk
 * and the cold-start floor app into a temp folder, measures the kiosk against
 * fair floors in Debian Chromium and in Chromium 109, prints the table
 * (metric | kiosk | floor | ratio | target | met / distance) and writes
 * bench/results/<mode>.json.
 *
 *   npm run bench          full suite (both browsers; 13 min without Lighthouse at load 25 on 2 cores)
 *   npm run bench:smoke    every path at small sizes, run by .ci/run (2.5 min at load 23, a third of it the build)
 *
 * Options: --only=size,cold,apply,interaction,heap,search,lighthouse (writes <mode>-only-….json)
 *          --browsers=debian,c109   --dist=<built kiosk> (skip its build)
 * Targets are reported, never asserted: exit 1 only when the harness itself fails.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? true]))
const smoke = Boolean(args.smoke)
const mode = smoke ? 'smoke' : 'full'
const only = args.only ? new Set(String(args.only).split(',')) : null
const wants = (k) => (!only || only.has(k)) && !(smoke && k === 'lighthouse')

const { BENCH_TMP, chromium109, debianChromium } = await import('../bench/lib/browser.mjs')
const { buildFloorApp } = await import('../bench/floor-app/build.mjs')
const { measureSize } = await import('../bench/size.mjs')
const { coldStarts } = await import('../bench/coldStart.mjs')
const { feedBytes } = await import('../bench/lib/feedGen.mjs')
const { applyBench } = await import('../bench/apply.mjs')
const { interactionBench } = await import('../bench/interaction.mjs')
const { heapBench } = await import('../bench/heap.mjs')
const { round } = await import('../bench/lib/stats.mjs')
const { formatTable, tableRow } = await import('../bench/lib/table.mjs')

/**
 * Sizes. Smoke runs every path once, small, each per-browser part in one browser
 * (the code is the same for both; the full run does everything in both).
 */
const S = smoke
  ? { coldRuns: 1, bigCold: false, applyItems: 300, applyRuns: 1, applyThrottled: 1, tapItems: 300, visits: 1, warm: 1, scrollSteps: 5, heapItems: 300, settleMs: 100, searchEntries: 1000, searchQueries: 10 }
  : { coldRuns: 8, bigCold: true, applyItems: 10_000, applyRuns: 4, applyThrottled: 2, tapItems: 10_000, visits: 3, warm: 5, scrollSteps: 100, heapItems: 10_000, settleMs: 700, searchEntries: 20_000, searchQueries: 240 }
/** in smoke, which browser runs the per-browser parts that are not cold start */
const SMOKE_ONE = { cold: 'c109', apply: 'c109', interaction: 'debian', heap: 'c109' }

mkdirSync(BENCH_TMP, { recursive: true })
const tmp = mkdtempSync(join(BENCH_TMP, 'build-'))
const started = Date.now()
const result = { mode, startedAt: new Date().toISOString(), node: process.version, loadavgStart: loadavg(), browsers: {} }
const rows = []
const add = (metric, o) => rows.push(tableRow(metric, o))
const MB = (b) => b / 1024 / 1024
const log = (s) => console.log(`[${round((Date.now() - started) / 1000, 0)} s] ${s}`)

try {
  const kinds = String(args.browsers ?? 'debian,c109')
    .split(',')
    .map((n) => (n === 'c109' ? chromium109(tmp) : debianChromium()))
  let dist = args.dist
  if (!dist) {
    dist = join(tmp, 'dist')
    log(`building the kiosk into ${dist} …`)
    execFileSync('node', ['scripts/demo-feed.mjs'], { cwd: root, stdio: 'inherit' })
    execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
  }
  result.dist = dist
  const needFloor = wants('cold') || wants('heap')
  const floorDist = needFloor ? await buildFloorApp(join(tmp, 'floor')) : null

  if (wants('size')) {
    const s = measureSize(dist)
    result.size = s
    add('initial JS (gzip, eager incl. modulepreload, KB)', { kiosk: s.initialJsGzip / 1024, target: 'initialJs' })
    add('initial CSS (gzip, KB)', { kiosk: s.initialCssGzip / 1024 })
  }

  for (const kind of kinds) {
    const r = (result.browsers[kind.name] = { label: kind.label, executablePath: kind.executablePath })
    const tag = `[${kind.label}]`
    const inThis = (part) => wants(part) && (!smoke || SMOKE_ONE[part] === kind.name || !kinds.some((k) => k.name === SMOKE_ONE[part]))

    if (inThis('cold')) {
      log(`${tag} cold start …`)
      // the boot snapshot's checklist counts as first content; the app is live when its own (#app) checklist paints
      const checklist = { route: '#/checklist', ready: '[data-testid=checklist-item], [data-snapshot-testid=checklist-item]', live: '#app [data-testid=checklist-item]', snapshot: true }
      const targets = [
        { name: 'floor', dist: floorDist, route: '', ready: '[data-testid=floor]' },
        { name: 'demo', dist, ...checklist },
        // a township's 10,000 notices stored: the checklist must not wait for them
        ...(S.bigCold ? [{ name: 'big', dist, ...checklist, feeds: { '/bench/feed.json': feedBytes({ items: 10000, now: Date.now(), revision: 1 }) }, config: { feedUrl: '/bench/feed.json', maxFeedBytes: 64 * 1024 * 1024, fetchTimeoutSeconds: 120 } }] : []),
      ]
      const c = await coldStarts(targets, { runs: S.coldRuns, cpu: 4, kind })
      r.coldStart = c
      const shown = (x) => `boot snapshot ${x.snapshotShown}/${x.runs}`
      add(`${tag} cold start offline, 4× CPU, median of ${S.coldRuns}, ${shown(c.demo)} (ms)`, { kiosk: c.demo.median, floor: c.floor.median, target: 'coldRatio' })
      add(`${tag}   time to app live (interactive: the app's own content painted) (ms)`, { kiosk: c.demo.live.median, floor: c.floor.live.median })
      if (c.big) add(`${tag}   the same with 10,000 notices stored, ${shown(c.big)} (ms)`, { kiosk: c.big.median, floor: c.floor.median, target: 'coldRatio' })
      if (c.big) add(`${tag}   time to app live with 10,000 notices stored (ms)`, { kiosk: c.big.live.median, floor: c.floor.live.median })
    }

    if (inThis('apply')) {
      log(`${tag} apply ${S.applyItems} …`)
      const a = await applyBench({ dist, items: S.applyItems, runs: S.applyRuns, throttledRuns: S.applyThrottled, cpu: 4, poll304: true, kind })
      r.apply = a
      add(`${tag} apply ${S.applyItems} notices (${round(a.feedBytes / 1e6, 1)} MB), server answer → board painted, median of ${S.applyRuns} (ms)`, { kiosk: a.applyMs, floor: a.floorMs, target: 'applyRatio' })
      add(`${tag}   longest main-thread task, answer → painted + 300 ms, 4× CPU (ms)`, { kiosk: a.maxTaskMs, floor: a.floorMaxTaskMs, target: 'applyMaxTask' })
      add(`${tag}   the same apply at 4× CPU (ms)`, { kiosk: a.throttledMs, floor: a.floorThrottledMs })
      add(`${tag}   of it, main thread: \`live\` message → board painted (ms)`, { kiosk: a.liveToPaintMs })
      add(`${tag}   304 poll: main-thread time / longest task (ms)`, { kiosk: `${round(a.poll304MainMs)} / ${round(a.poll304MaxTaskMs)}` })
    }

    if (inThis('interaction')) {
      log(`${tag} taps on ${S.tapItems} notices …`)
      const i = await interactionBench({ dist, items: S.tapItems, visits: S.visits, warm: S.warm, cpu: 4, scrollSteps: S.scrollSteps, scrollPx: 200, kind })
      r.interaction = i
      add(`${tag} tap-to-paint p95, 4× CPU, ${S.tapItems} notices: first visit (${i.first.toBoard.length + i.first.toDetail.length} taps, ms)`, { kiosk: i.first.p95, target: 'tapP95' })
      add(`${tag}   warm (${i.warm.toBoard.length + i.warm.toDetail.length} taps, ms)`, { kiosk: i.warm.p95, target: 'tapP95' })
      add(`${tag}   scroll the board ${i.scroll.steps} frames × ${i.scroll.px} px: longest task (ms)`, { kiosk: i.scroll.maxTaskMs, target: 'scrollTask' })
      add(`${tag}   first switch to English after a page load, median / max of ${i.firstSwitchToEnglish.samples.length} (ms)`, { kiosk: `${round(i.firstSwitchToEnglish.median)} / ${round(i.firstSwitchToEnglish.max)}` })
    }

    if (inThis('heap')) {
      log(`${tag} heap after every screen, ${S.heapItems} notices …`)
      const h = await heapBench({ dist, floorDist, items: S.heapItems, kind, settleMs: S.settleMs })
      r.heap = h
      add(`${tag} JS heap after every resident screen, ${S.heapItems} notices (MB)`, { kiosk: MB(h.kioskBytes), floor: MB(h.floorBytes), target: 'heapRatio' })
    }
  }

  if (wants('search')) {
    log('search …')
    const input = { entries: S.searchEntries, queries: S.searchQueries, browsers: kinds.map(({ name, executablePath, args: a }) => ({ name, executablePath, args: a })), cpu: [1, 4] }
    const out = execFileSync('node', ['--import', 'tsx', 'bench/search/suite.ts', JSON.stringify(input)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 })
    const s = JSON.parse(out.trim().split('\n').at(-1))
    result.search = s
    const n = `${s.entries} entries, ${s.queries} queries typed`
    add(`search per keystroke p95, Node, ${n} (ms)`, { kiosk: s.node.p95 })
    for (const kind of kinds) {
      const b = s.browsers[kind.name]
      add(`[${kind.label}] search per keystroke p95, 1× CPU (ms)`, { kiosk: b.cpu1.p95, target: 'searchP95At1x' })
      add(`[${kind.label}]   4× CPU (ms)`, { kiosk: b.cpu4.p95, target: 'searchP95At4x' })
    }
    add(`search recall@10, labelled set (${s.entries} entries)`, { kiosk: s.recall })
    add(`search recall@10, gapped abbreviations (${s.gappedPerQuery.length} cases)`, { kiosk: s.gappedRecall, target: 'gappedRecall' })
  }

  if (wants('lighthouse')) {
    log('lighthouse …')
    const { lighthouseBench } = await import('../bench/lighthouse.mjs')
    const lh = await lighthouseBench({ dist })
    result.lighthouse = lh
    for (const [name, r] of Object.entries(lh)) {
      add(`lighthouse ${r.url} performance`, { kiosk: r.performance, target: 'lhPerf' })
      add(`  ${r.url} accessibility`, { kiosk: r.accessibility, target: 'lhA11y' })
      add(`  ${r.url} best practices`, { kiosk: r['best-practices'] })
      if (name && r.failedAudits.length) add('  points lost on', { kiosk: r.failedAudits.join(', ') })
    }
  }
} catch (e) {
  console.error(e)
  process.exitCode = 1
} finally {
  // the builds, the unpacked Chromium 109 and (already removed one by one) the profiles
  rmSync(tmp, { recursive: true, force: true })
  try {
    rmdirSync(BENCH_TMP)
  } catch {
    // not empty: another bench is running
  }
}

result.seconds = (Date.now() - started) / 1000
result.loadavgEnd = loadavg()
result.table = rows
const outDir = join(root, 'bench/results')
mkdirSync(outDir, { recursive: true })
// a partial run (--only) must not overwrite the last complete one
const outName = only ? `${mode}-only-${[...only].join('-')}` : mode
writeFileSync(join(outDir, `${outName}.json`), JSON.stringify(result, null, 2))

console.log('\n' + formatTable(rows))
console.log(`\nbench (${mode}) took ${round(result.seconds)} s; load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')}; results: bench/results/${outName}.json`)
// every browser and server is closed by now; a helper process (esbuild's service, spawned by tsx or the
// floor page's bundle) can keep Node waiting for minutes, so leave explicitly
process.exit(process.exitCode ?? 0)
