/**
 * The index the search screen uses: the one stored with the live revision.
 * Only when there is none (a revision applied before search existed) or it is
 * of an older layout is it built again, in the worker, from the content `whole`
 * reads (the content store holds only summaries). It is kept while the search
 * screen is open and dropped when it is left (releaseSearchIndex): its tables
 * are several MB that a kiosk showing the board has no use for.
 */
import { getSearchIndex } from '../db'
import type { FeedContent } from '../feed/types'
import { isSerializedSearchIndex, SearchIndex } from './searchIndex'

let cached: { key: string; index: Promise<SearchIndex> } | null = null

export function loadSearchIndex(sourceId: string, revision: number, whole: () => Promise<Pick<FeedContent, 'notices' | 'checklist' | 'handbook'>>): Promise<SearchIndex> {
  const key = `${sourceId}@${revision}`
  if (cached?.key === key) return cached.index
  const index = (async () => {
    const stored = await getSearchIndex(sourceId, revision).catch(() => undefined)
    if (isSerializedSearchIndex(stored)) return new SearchIndex(stored)
    const { buildIndexInWorker } = await import('./buildInWorker')
    return new SearchIndex(await buildIndexInWorker(await whole()))
  })()
  cached = { key, index }
  index.catch(() => {
    if (cached?.key === key) cached = null
  })
  return index
}

/** Forgets the index (the search screen was left): the next loadSearchIndex reads it again. */
export function releaseSearchIndex(): void {
  cached = null
}

/** The screens a search result opens (SearchResultRow): 返回 from one of them comes back to the same results. */
export const SEARCH_RESULT_ROUTES = new Set(['notice', 'checklist-item', 'chapter'])

/**
 * Whether the index is kept as the search screen is left for route `to`: yes while a resident opens a result
 * (coming back costs no new read: ≈ 250 ms at 4× CPU on 10,000 notices), no for any other screen.
 */
export function keepsSearchIndex(to: { name?: unknown }): boolean {
  return typeof to.name === 'string' && SEARCH_RESULT_ROUTES.has(to.name)
}

const layerIndexes = new WeakMap<object, Promise<SearchIndex>>()

/**
 * The village's own notices and checklist items (clerk mode) are not part of a
 * feed revision, so they have no stored index: they are few, and indexed in the
 * worker when the search screen first needs them (once per change of the layer).
 */
export function loadLayerIndex(layer: Pick<FeedContent, 'notices' | 'checklist'>): Promise<SearchIndex> {
  let index = layerIndexes.get(layer)
  if (!index) {
    index = import('./buildInWorker').then(async ({ buildIndexInWorker }) => new SearchIndex(await buildIndexInWorker({ notices: layer.notices, checklist: layer.checklist, handbook: null })))
    layerIndexes.set(layer, index)
  }
  return index
}
