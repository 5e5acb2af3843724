/**
 * The search rows of `npm run bench` (scripts/bench.mjs runs this with tsx):
 * our index only, on the 20,000-entry corpus — per-keystroke latency in Node
 * and in each browser at each CPU rate (DevTools throttling), recall@10 on the
 * labelled set and, apart, on gapped abbreviations (GAPPED). The comparison
 * with MiniSearch and Fuse.js stays in `npm run bench:search` (run.ts).
 *
 *   node --import tsx bench/search/suite.ts '<json input>'   → JSON on the last stdout line
 * input: { entries, queries, browsers: [{ name, executablePath, args }], cpu: [1, 4] }
 */
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { generateCorpus } from './corpus'
import { buildIndexFromDocs, ourEngine } from './engines'
import { expectedMap, recallAt10, stats, typingLatency, type LatencyStats } from './measure'
import { expectedHits, GAPPED, LABELLED, typingQueries } from './queries'
import type { BrowserBenchInput } from './browser'

interface SuiteInput {
  entries: number
  queries: number
  browsers: { name: string; executablePath: string; args: string[] }[]
  cpu: number[]
}

async function inBrowser(b: SuiteInput['browsers'][number], cpu: number, input: BrowserBenchInput, bundle: string): Promise<LatencyStats & { version: string }> {
  const browser = await chromium.launch({ executablePath: b.executablePath, headless: true, args: b.args })
  try {
    const page = await browser.newPage()
    await page.setContent('<!doctype html><meta charset="utf-8"><title>search bench</title>')
    if (cpu > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu })
    await page.addScriptTag({ content: bundle })
    const r = (await page.evaluate((i) => (globalThis as unknown as { runSearchBench: (i: BrowserBenchInput) => Promise<unknown> }).runSearchBench(i), input)) as { latency: Record<string, LatencyStats> }
    return { ...Object.values(r.latency)[0]!, version: browser.version() }
  } finally {
    await browser.close()
  }
}

async function main() {
  const input = JSON.parse(process.argv[2] ?? '{}') as SuiteInput
  const queries = typingQueries(input.queries)
  const docs = generateCorpus(input.entries)
  const ours = ourEngine(buildIndexFromDocs(docs))
  typingLatency(ours, queries.slice(0, 5), () => performance.now())
  const node = stats(typingLatency(ours, queries, () => performance.now()))
  const recall = recallAt10(ours, LABELLED, expectedMap(docs, LABELLED, expectedHits))
  // a case whose target is in none of the entries (a small smoke corpus) would count as found: left out, and said so
  const gappedExpected = expectedMap(docs, GAPPED, expectedHits)
  const gappedCases = GAPPED.filter((g) => gappedExpected.get(g.q)!.size > 0)
  const gapped = recallAt10(ours, gappedCases, gappedExpected)
  const out: Record<string, unknown> = {
    entries: input.entries,
    queries: queries.length,
    node: { version: process.version, ...node },
    recall: recall.recall,
    gappedRecall: gapped.recall,
    gappedPerQuery: gapped.perQuery,
    gappedLeftOut: GAPPED.filter((g) => !gappedCases.includes(g)).map((g) => g.q),
    browsers: {} as Record<string, Record<string, unknown>>,
  }
  const bundle = (
    await build({ entryPoints: [fileURLToPath(new URL('./browser.ts', import.meta.url))], bundle: true, format: 'iife', platform: 'browser', target: 'es2020', minify: true, write: false })
  ).outputFiles[0]!.text
  const browserInput: BrowserBenchInput = { entries: input.entries, queries, prefixQueries: [], fuseQueries: [], oursOnly: true }
  for (const b of input.browsers) {
    const rows: Record<string, unknown> = {}
    for (const cpu of input.cpu) rows[`cpu${cpu}`] = await inBrowser(b, cpu, browserInput, bundle)
    ;(out.browsers as Record<string, unknown>)[b.name] = rows
  }
  console.log(JSON.stringify(out))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
