/**
 * Search benchmark: `npm run bench:search`.
 * Node: index build time and memory, per-keystroke latency and recall@10 for
 * our index, MiniSearch and Fuse.js on the same 20,000-entry corpus.
 * Chromium (Debian, via playwright-core): the same latency run in a real page.
 * Prints a table and writes JSON to bench/results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { generateCorpus } from './corpus'
import { buildIndexFromDocs, buildMiniSearch, fuseEngine, miniSearchEngine, ourEngine, readingDocs, type Engine } from './engines'
import { expectedMap, recallAt10, stats, typingLatency, type LatencyStats, type RecallReport } from './measure'
import { expectedHits, LABELLED, typingQueries } from './queries'
import type { BrowserBenchInput } from './browser'

const ENTRIES = Number(process.env.SEARCH_BENCH_ENTRIES ?? 20_000)
/** Fuse.js scans every entry's text on every key: a sample of queries keeps the run short */
const FUSE_QUERIES = Number(process.env.SEARCH_BENCH_FUSE_QUERIES ?? 2)
/** MiniSearch with prefix search takes tens of ms a key: a larger sample */
const PREFIX_QUERIES = Number(process.env.SEARCH_BENCH_PREFIX_QUERIES ?? 40)
/** …and every fifth labelled query for its recall */
const FUSE_LABELLED = LABELLED.filter((_, i) => i % 5 === 0)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined)
const mem = () => {
  gc()
  gc()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}
const now = () => performance.now()
const MB = (b: number) => b / 1024 / 1024

async function chromiumRun(input: BrowserBenchInput) {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./browser.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    write: false,
  })
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] })
  try {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><meta charset="utf-8"><title>search bench</title>')
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text })
    const version = browser.version()
    const result = await page.evaluate((i) => (globalThis as unknown as { runSearchBench: (i: BrowserBenchInput) => Promise<unknown> }).runSearchBench(i), input)
    return { version, ...(result as { buildMs: number; loadMs: number; latency: Record<string, LatencyStats> }) }
  } finally {
    await browser.close()
  }
}

function row(cells: (string | number)[], widths: number[]) {
  return cells.map((c, i) => String(c).padEnd(widths[i]!)).join(' │ ')
}

const f1 = (x: number) => x.toFixed(1)
const f2 = (x: number) => x.toFixed(2)

async function main() {
  const started = now()
  const queries = typingQueries()
  const fuseQueries = queries.slice(0, FUSE_QUERIES)

  // ── our index: build, load, memory (corpus text included: the index stores it)
  const before = mem()
  const docs = generateCorpus(ENTRIES)
  let t0 = now()
  const serialized = buildIndexFromDocs(docs)
  const buildMs = now() - t0
  t0 = now()
  const ours = ourEngine(serialized)
  const loadMs = now() - t0
  const ourBytes = mem() - before
  const storedBytes = serialized.codes.byteLength + new TextEncoder().encode(JSON.stringify({ sets: serialized.sets, docs: serialized.docs })).byteLength
  const chars = serialized.codes.length

  // ── the others, on the same docs with the same readings as extra fields
  const rdocs = readingDocs(serialized)
  const builds: Record<string, { ms: number; bytes: number; engine: Engine }> = {}
  {
    let b = mem()
    let t = now()
    const ms = buildMiniSearch(rdocs)
    const mini = { ms: now() - t, bytes: mem() - b }
    builds.mini = { ...mini, engine: miniSearchEngine(ms, false) }
    builds.miniPrefix = { ...mini, engine: miniSearchEngine(ms, true) }
    b = mem()
    t = now()
    const engine = fuseEngine(rdocs)
    builds.fuse = { ms: now() - t, bytes: mem() - b, engine }
  }

  // ── latency (warm-up first), recall
  const engines: [Engine, number, number, string[], typeof LABELLED][] = [
    [ours, buildMs, ourBytes, queries, LABELLED],
    [builds.mini!.engine, builds.mini!.ms, builds.mini!.bytes, queries, LABELLED],
    [builds.miniPrefix!.engine, builds.miniPrefix!.ms, builds.miniPrefix!.bytes, queries.slice(0, PREFIX_QUERIES), LABELLED],
    [builds.fuse!.engine, builds.fuse!.ms, builds.fuse!.bytes, fuseQueries, FUSE_LABELLED],
  ]
  const expected = expectedMap(docs, LABELLED, expectedHits)
  const node: Record<string, { buildMs: number; memoryMB: number; latency: LatencyStats; recall: RecallReport; queries: number }> = {}
  for (const [engine, ms, bytes, qs, labelled] of engines) {
    typingLatency(engine, qs.slice(0, 5), now)
    const latency = stats(typingLatency(engine, qs, now))
    node[engine.name] = { buildMs: ms, memoryMB: MB(bytes), latency, recall: recallAt10(engine, labelled, expected), queries: qs.length }
    console.error(`node: ${engine.name} done (${((now() - started) / 1000).toFixed(0)} s)`)
  }

  // ── Chromium
  let browser: Awaited<ReturnType<typeof chromiumRun>> | { error: string }
  try {
    browser = await chromiumRun({ entries: ENTRIES, queries, prefixQueries: queries.slice(0, PREFIX_QUERIES / 2), fuseQueries: fuseQueries.slice(0, 1) })
    console.error(`chromium done (${((now() - started) / 1000).toFixed(0)} s)`)
  } catch (e) {
    browser = { error: String((e as Error)?.message ?? e) }
  }

  // ── table
  const ourNode = node[ours.name]!
  const w = [27, 9, 9, 8, 8, 8, 8, 10, 10, 11]
  const lines: string[] = []
  lines.push(`search benchmark · ${ENTRIES} entries (${(chars / 1e6).toFixed(2)} M characters) · ${queries.length} queries typed letter by letter (slow engines: the first few, see keystrokes) · ${LABELLED.length} labelled queries`)
  lines.push(`machine: ${loadavg().map((x) => x.toFixed(1)).join(' / ')} load average (1/5/15 min) at the end of the Node run; Fuse.js recall on ${FUSE_LABELLED.length} of the labelled queries; MiniSearch build shared by both rows`)
  lines.push(`our index: stored ${f1(MB(storedBytes))} MB (IndexedDB), loaded in ${f1(loadMs)} ms (Node)`)
  lines.push('')
  lines.push(row(['Node ' + process.version, 'build ms', 'mem MB', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'recall@10', 'p95 ratio', 'keystrokes'], w))
  for (const [name, r] of Object.entries(node)) {
    lines.push(row([name, f1(r.buildMs), f1(r.memoryMB), f2(r.latency.p50), f2(r.latency.p95), f2(r.latency.p99), f2(r.latency.max), r.recall.recall.toFixed(3), name === ours.name ? '1' : `${f1(r.latency.p95 / ourNode.latency.p95)}×`, r.latency.keystrokes], w))
  }
  if ('error' in browser) lines.push('', `Chromium: not run (${browser.error})`)
  else {
    lines.push('')
    const ourB = browser.latency[ours.name]!
    lines.push(row([`Chromium ${browser.version}`, 'build ms', '', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', '', 'p95 ratio', 'keystrokes'], w))
    for (const [name, l] of Object.entries(browser.latency)) {
      lines.push(row([name, name === ours.name ? f1(browser.buildMs) : '', '', f2(l.p50), f2(l.p95), f2(l.p99), f2(l.max), '', name === ours.name ? '1' : `${f1(l.p95 / ourB.p95)}×`, l.keystrokes], w))
    }
  }
  const misses = ourNode.recall.perQuery.filter((p) => p.recall < 1)
  if (misses.length) lines.push('', `our index below 1.0 on: ${misses.map((m) => `${m.q} (${m.recall.toFixed(2)})`).join(', ')}`)
  lines.push('', `total ${((now() - started) / 1000).toFixed(0)} s`)
  console.log(lines.join('\n'))

  const out = fileURLToPath(new URL('../results/', import.meta.url))
  mkdirSync(out, { recursive: true })
  const file = `${out}search-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
  writeFileSync(
    file,
    JSON.stringify({ loadavg: loadavg(), entries: ENTRIES, characters: chars, storedBytes, loadMs, queries: queries.length, fuseQueries: fuseQueries.length, labelled: LABELLED.length, node, chromium: browser }, (k, v) => (k === 'engine' ? undefined : v), 2),
  )
  console.log(`written ${file}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
