/**
 * Builds the stored search index of a revision: every character of every
 * title and body gets the id of its reading set. Pure apart from the
 * dictionary; the Web Worker calls it on a revision's content, tests and the
 * benchmark call it directly.
 */
import type { FeedContent } from '../feed/types'
import { documentsOf } from './documents'
import { readingOf } from './readings'
import { BREAK_SET, SEARCH_INDEX_VERSION, SPACE_SET, type SearchDoc, type SerializedSearchIndex } from './types'


export function buildIndexFromDocs(docs: SearchDoc[]): SerializedSearchIndex {
  const sets: string[][] = [[], []]
  const setIds = new Map<string, number>()
  const charSet = new Map<string, number>()

  function setOf(ch: string): number {
    let id = charSet.get(ch)
    if (id !== undefined) return id
    const r = readingOf(ch)
    if (r.kind === 'break') id = BREAK_SET
    else if (r.kind === 'space') id = SPACE_SET
    else {
      const key = r.readings.join(',')
      id = setIds.get(key)
      if (id === undefined) {
        id = sets.length
        if (id > 0xffff) throw new Error('search index: too many reading sets')
        sets.push(r.readings)
        setIds.set(key, id)
      }
    }
    charSet.set(ch, id)
    return id
  }

  let total = 0
  for (const d of docs) total += d.title.length + d.body.length
  const codes = new Uint16Array(total)
  // set of each UTF-16 unit seen so far (+1; 0 = not yet looked up): millions of characters, a few thousand distinct
  const byUnit = new Uint32Array(0x10000)
  let at = 0
  for (const d of docs) {
    for (const text of [d.title, d.body]) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i)
        const known = byUnit[c]!
        if (known) codes[at++] = known - 1
        else {
          // a character outside the BMP (rare CJK) is two units: neither reads as anything
          const id = c >= 0xd800 && c <= 0xdfff ? BREAK_SET : setOf(text[i]!)
          byUnit[c] = id + 1
          codes[at++] = id
        }
      }
    }
  }
  return { version: SEARCH_INDEX_VERSION, sets, docs, codes, titleEdges: titleEdgesOf(docs) }
}

/** Word edges of every title (see SerializedSearchIndex.titleEdges); empty without Intl.Segmenter. */
export function titleEdgesOf(docs: SearchDoc[]): Uint8Array {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter
  if (typeof Segmenter !== 'function') return new Uint8Array(0)
  const seg = new Segmenter('zh', { granularity: 'word' })
  let total = 0
  for (const d of docs) total += d.title.length + 1
  const edges = new Uint8Array(total)
  let at = 0
  for (const d of docs) {
    for (const s of seg.segment(d.title)) edges[at + s.index] = 1
    edges[at + d.title.length] = 1
    at += d.title.length + 1
  }
  return edges
}

export function buildSearchIndex(content: Pick<FeedContent, 'notices' | 'checklist' | 'handbook'>): SerializedSearchIndex {
  return buildIndexFromDocs(documentsOf(content))
}
