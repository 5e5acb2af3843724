/** Turning matched ranges into pieces a template can render (<mark> around hits). */
import type { Range } from './types'

export interface TextPart {
  text: string
  hit: boolean
}

/** Splits text into plain and highlighted parts; ranges may be unsorted or overlap. */
export function highlightParts(text: string, ranges: readonly Range[]): TextPart[] {
  const sorted = ranges
    .map(([s, e]): Range => [Math.max(0, s), Math.min(text.length, e)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0])
  const parts: TextPart[] = []
  let at = 0
  for (const [s, e] of sorted) {
    if (e <= at) continue
    const from = Math.max(s, at)
    if (from > at) parts.push({ text: text.slice(at, from), hit: false })
    const last = parts[parts.length - 1]
    if (last?.hit && from === at) last.text += text.slice(from, e)
    else parts.push({ text: text.slice(from, e), hit: true })
    at = e
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false })
  return parts
}

/**
 * A one-line piece of a long text around a match, with the match's range inside the piece.
 * `hits` are the highlighted parts of the match (a gapped abbreviation has one per word); by default the whole range.
 */
export function snippetAround(text: string, range: Range, before = 12, after = 40, hits: readonly Range[] = [range]): { text: string; ranges: Range[] } {
  const [s, e] = range
  let from = Math.max(0, s - before)
  const nl = text.lastIndexOf('\n', s - 1)
  if (nl >= from) from = nl + 1
  let to = Math.min(text.length, e + after)
  const nextNl = text.indexOf('\n', e)
  if (nextNl !== -1 && nextNl < to && nextNl - from > before + (e - s)) to = nextNl
  const lead = from > 0 ? '…' : ''
  const tail = to < text.length ? '…' : ''
  const piece = lead + text.slice(from, to).replace(/\s+/g, ' ') + tail
  // collapsing white space keeps lengths only when it replaced single characters: recompute each offset
  const at = (i: number) => (lead + text.slice(from, i).replace(/\s+/g, ' ')).length
  const ranges = hits.map(([hs, he]): Range => {
    const head = at(hs)
    return [head, head + text.slice(hs, he).replace(/\s+/g, ' ').length]
  })
  return { text: piece, ranges }
}
