/** Timing and recall, shared by the Node run and the Chromium page. */
import type { SearchDoc } from '../../src/search/types'
import type { Engine } from './engines'
import type { LabelledQuery } from './queries'

export interface LatencyStats {
  keystrokes: number
  p50: number
  p95: number
  p99: number
  mean: number
  max: number
}

export function stats(samples: number[]): LatencyStats {
  const s = [...samples].sort((a, b) => a - b)
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0
  return { keystrokes: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / (s.length || 1), max: s[s.length - 1] ?? 0 }
}

/** Types each query letter by letter, as on the on-screen keyboard, timing every search. */
export function typingLatency(engine: Engine, queries: readonly string[], now: () => number): number[] {
  const samples: number[] = []
  for (const q of queries) {
    engine.reset()
    for (let k = 1; k <= q.length; k++) {
      const t0 = now()
      engine.search(q.slice(0, k))
      samples.push(now() - t0)
    }
  }
  return samples
}

export interface RecallReport {
  recall: number
  perQuery: { q: string; mode: string; recall: number; expected: number }[]
}

/** recall@10: share of the top 10 that are correct hits, out of min(10, number of correct hits). */
export function recallAt10(engine: Engine, labelled: readonly LabelledQuery[], expected: Map<string, Set<string>>): RecallReport {
  const perQuery = labelled.map((l) => {
    engine.reset()
    const want = expected.get(l.q)!
    const top = engine.search(l.q).slice(0, 10)
    const found = top.filter((id) => want.has(id)).length
    return { q: l.q, mode: l.mode, recall: want.size ? found / Math.min(10, want.size) : 1, expected: want.size }
  })
  return { recall: perQuery.reduce((a, b) => a + b.recall, 0) / perQuery.length, perQuery }
}

export function expectedMap(docs: readonly SearchDoc[], labelled: readonly LabelledQuery[], hits: (docs: readonly SearchDoc[], target: string) => Set<string>) {
  return new Map(labelled.map((l) => [l.q, hits(docs, l.target)]))
}
