/**
 * The benchmark page for Chromium (bundled by run.ts with esbuild): generates
 * the same corpus, builds every engine and times per-keystroke searches there.
 */
import { generateCorpus } from './corpus'
import { buildIndexFromDocs, buildMiniSearch, fuseEngine, miniSearchEngine, ourEngine, readingDocs } from './engines'
import { stats, typingLatency } from './measure'

export interface BrowserBenchInput {
  entries: number
  queries: string[]
  prefixQueries: string[]
  fuseQueries: string[]
  /** only our index (bench/search/suite.ts: the latency rows, no comparison engines) */
  oursOnly?: boolean
}

async function run(input: BrowserBenchInput) {
  const now = () => performance.now()
  const docs = generateCorpus(input.entries)
  let t0 = now()
  const serialized = buildIndexFromDocs(docs)
  const buildMs = now() - t0
  t0 = now()
  const ours = ourEngine(serialized)
  const loadMs = now() - t0
  if (input.oursOnly) {
    typingLatency(ours, input.queries.slice(0, 10), now)
    return { buildMs, loadMs, latency: { [ours.name]: stats(typingLatency(ours, input.queries, now)) } }
  }
  // warm up the JIT the same way for every engine
  const rdocs = readingDocs(serialized)
  const ms = buildMiniSearch(rdocs)
  const mini = miniSearchEngine(ms, false)
  const miniPrefix = miniSearchEngine(ms, true)
  const fuse = fuseEngine(rdocs)
  for (const e of [ours, mini, miniPrefix]) typingLatency(e, input.queries.slice(0, 10), now)
  typingLatency(fuse, input.queries.slice(0, 1), now)
  return {
    buildMs,
    loadMs,
    latency: {
      [ours.name]: stats(typingLatency(ours, input.queries, now)),
      [mini.name]: stats(typingLatency(mini, input.queries, now)),
      [miniPrefix.name]: stats(typingLatency(miniPrefix, input.prefixQueries, now)),
      [fuse.name]: stats(typingLatency(fuse, input.fuseQueries, now)),
    },
  }
}

;(globalThis as unknown as { runSearchBench: typeof run }).runSearchBench = run
