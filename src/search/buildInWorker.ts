/**
 * Main-thread side of index.worker.ts: one short-lived worker per build, for
 * the search screen when no index was stored with the revision (the sync
 * worker builds and stores it with buildLazily.ts). Where workers are missing
 * (Node tests) the same pure build runs in place.
 */
import type { FeedContent } from '../feed/types'
import type { BuildReply, BuildRequest } from './index.worker'
import type { SerializedSearchIndex } from './types'

function plain(content: Pick<FeedContent, 'notices' | 'checklist' | 'handbook'>): BuildRequest {
  // only what the index needs, as plain data (no reactive proxies) for structured cloning
  return JSON.parse(JSON.stringify({ notices: content.notices, checklist: content.checklist, handbook: content.handbook })) as BuildRequest
}

export async function buildIndexInWorker(content: Pick<FeedContent, 'notices' | 'checklist' | 'handbook'>): Promise<SerializedSearchIndex> {
  if (typeof Worker === 'undefined') {
    const { buildSearchIndex } = await import('./buildIndex')
    return buildSearchIndex(content)
  }
  const worker = new Worker(new URL('./index.worker.ts', import.meta.url), { type: 'module', name: 'search-index' })
  try {
    return await new Promise<SerializedSearchIndex>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<BuildReply>) => (e.data.ok ? resolve(e.data.index) : reject(new Error(e.data.error)))
      worker.onerror = (e) => reject(new Error(e.message || 'search index worker failed'))
      worker.postMessage(plain(content))
    })
  } finally {
    worker.terminate()
  }
}
