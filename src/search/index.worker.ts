/**
 * Module Web Worker that builds a revision's search index, so the dictionary
 * (pinyin-pro) and the work stay off the main thread.
 */
import type { FeedContent } from '../feed/types'
import { buildSearchIndex } from './buildIndex'

export type BuildRequest = Pick<FeedContent, 'notices' | 'checklist' | 'handbook'>
export type BuildReply = { ok: true; index: import('./types').SerializedSearchIndex } | { ok: false; error: string }

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<BuildRequest>) => void) | null
  postMessage(message: BuildReply, transfer?: Transferable[]): void
}

scope.onmessage = (e) => {
  try {
    const index = buildSearchIndex(e.data)
    scope.postMessage({ ok: true, index }, [index.codes.buffer])
  } catch (err) {
    scope.postMessage({ ok: false, error: String((err as Error)?.message ?? err) })
  }
}
