/**
 * The index build for code that already runs off the main thread (the sync
 * worker): the dictionary loads only when a revision is actually applied.
 * A failed index must never keep good content from going live, so it yields
 * nothing and the search screen builds it when opened.
 */
import type { FeedContent } from '../feed/types'
import type { SerializedSearchIndex } from './types'

export async function buildSearchIndexLazily(content: Pick<FeedContent, 'notices' | 'checklist' | 'handbook'>): Promise<SerializedSearchIndex | undefined> {
  try {
    const { buildSearchIndex } = await import('./buildIndex')
    return buildSearchIndex(content)
  } catch (e) {
    console.warn('search index not built; it will be built when search is opened', e)
    return undefined
  }
}
