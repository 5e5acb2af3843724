/**
 * The engines the benchmark compares, behind one small interface. Runs in Node
 * and in the Chromium page. MiniSearch and Fuse.js get default settings and the
 * same readings our index stores (full pinyin and initials per run of
 * characters, as extra fields), so they are not blind to pinyin queries.
 */
import Fuse from 'fuse.js'
import MiniSearch from 'minisearch'
import { buildIndexFromDocs } from '../../src/search/buildIndex'
import { SearchIndex } from '../../src/search/searchIndex'
import type { SearchDoc, SerializedSearchIndex } from '../../src/search/types'
import { CORPUS_NOW } from './corpus'

export interface Engine {
  name: string
  /** returns ids, best first */
  search(q: string): string[]
  /** forget anything remembered from earlier keystrokes (a new resident, a new query) */
  reset(): void
}

export interface ReadingDoc extends SearchDoc {
  pinyin: string
  initials: string
}

/** Full pinyin and initials of every doc, from the stored readings: one word per run of readable characters. */
export function readingDocs(index: SerializedSearchIndex): ReadingDoc[] {
  let at = 0
  return index.docs.map((d) => {
    const full: string[] = []
    const ini: string[] = []
    let f = ''
    let i = ''
    const flush = () => {
      if (f) full.push(f)
      if (i) ini.push(i)
      f = i = ''
    }
    const len = d.title.length + d.body.length
    for (let p = 0; p < len; p++) {
      if (p === d.title.length) flush()
      const set = index.sets[index.codes[at + p]!]!
      if (!set.length) flush()
      else {
        f += set[0]
        i += set[0]![0]
      }
    }
    flush()
    at += len
    return { ...d, pinyin: full.join(' '), initials: ini.join(' ') }
  })
}

export function ourEngine(index: SerializedSearchIndex, limit = 30): Engine & { index: SearchIndex } {
  const idx = new SearchIndex(index)
  return {
    name: 'gongkai',
    index: idx,
    search: (q) => idx.search(q, { now: CORPUS_NOW, limit }).results.map((r) => r.id),
    reset: () => idx.reset(),
  }
}

export function buildMiniSearch(docs: ReadingDoc[]): MiniSearch<ReadingDoc> {
  const ms = new MiniSearch<ReadingDoc>({ fields: ['title', 'body', 'pinyin', 'initials'] })
  ms.addAll(docs)
  return ms
}

/** One MiniSearch index, searched with default options or with `prefix: true`. */
export function miniSearchEngine(ms: MiniSearch<ReadingDoc>, prefix: boolean): Engine {
  return {
    name: prefix ? 'MiniSearch (prefix: true)' : 'MiniSearch (defaults)',
    search: (q) => (prefix ? ms.search(q, { prefix: true }) : ms.search(q)).slice(0, 30).map((r) => String(r.id)),
    reset: () => undefined,
  }
}

export function fuseEngine(docs: ReadingDoc[]): Engine {
  const fuse = new Fuse(docs, { keys: ['title', 'body', 'pinyin', 'initials'] })
  return {
    name: 'Fuse.js (defaults)',
    search: (q) => fuse.search(q, { limit: 30 }).map((r) => r.item.id),
    reset: () => undefined,
  }
}

export { buildIndexFromDocs }
