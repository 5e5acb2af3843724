/**
 * Puts together the answers of two indexes (the feed's and the village's own
 * layer) in the order of the ranking rules: title before body, whole words first, open before
 * upcoming before ended, newer before older.
 */
import { CANDIDATE_LIMIT, type SearchAnswer, type SearchCandidate } from './searchIndex'
import type { SearchResult } from './types'

const WINDOW_RANK = { open: 0, upcoming: 1, expired: 2 } as const

function before(a: SearchResult, b: SearchResult): boolean {
  if (a.field !== b.field) return a.field === 'title'
  // as SearchIndex ranks: whole words, then whole gapped words, then the rest, gapped last
  const ra = (a.wholeWord ? 0 : 2) + (a.gapped ? 1 : 0)
  const rb = (b.wholeWord ? 0 : 2) + (b.gapped ? 1 : 0)
  if (ra !== rb) return ra < rb
  const wa = a.window ? WINDOW_RANK[a.window] : 0
  const wb = b.window ? WINDOW_RANK[b.window] : 0
  if (wa !== wb) return wa < wb
  return (a.published ?? '') >= (b.published ?? '')
}

export function mergeAnswers(a: SearchAnswer, b: SearchAnswer, limit: number): SearchAnswer {
  const results: SearchResult[] = []
  let i = 0
  let j = 0
  while (results.length < limit && (i < a.results.length || j < b.results.length)) {
    const x = a.results[i]
    const y = b.results[j]
    if (x && (!y || before(x, y))) {
      results.push(x)
      i++
    } else if (y) {
      results.push(y)
      j++
    }
  }
  const answer: SearchAnswer = { results, total: a.total + b.total }
  if (a.candidates || b.candidates) answer.candidates = mergeCandidates(a.candidates ?? [], b.candidates ?? [])
  return answer
}

/** one list of candidate words: counts of the same word added, most on the board first */
function mergeCandidates(a: SearchCandidate[], b: SearchCandidate[]): SearchCandidate[] {
  const byWord = new Map<string, SearchCandidate>()
  for (const c of [...a, ...b]) {
    const known = byWord.get(c.word)
    byWord.set(c.word, { word: c.word, onBoard: (known?.onBoard ?? 0) + c.onBoard })
  }
  // a stable sort keeps the feed's order (frequency, then recency) among equal counts
  return [...byWord.values()].sort((x, y) => y.onBoard - x.onBoard).slice(0, CANDIDATE_LIMIT)
}
