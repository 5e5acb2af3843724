/**
 * `performance.mark('gongkai:first-content')` once per page load, when the
 * first screen with real content has rendered: bench/ measures cold start to it.
 */
import { onMounted, watch } from 'vue'

export const FIRST_CONTENT_MARK = 'gongkai:first-content'

let markedNow: () => void = () => {}
const marked = new Promise<void>((resolve) => (markedNow = resolve))

function mark() {
  // what waits for first content (other screens' code, messages, kiosk parts) starts after that content's frame
  // is painted: started on the mount itself, its chunks and their re-renders held the paint back (issue 19)
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(markedNow))
  else markedNow()
  if (typeof performance === 'undefined' || performance.getEntriesByName(FIRST_CONTENT_MARK).length) return
  performance.mark(FIRST_CONTENT_MARK)
}

/**
 * Resolves once the first screen has shown its content, or after `timeoutMs` on screens
 * that do not mark it: work the first screen does not need (prefetching other screens,
 * other languages) waits for it instead of competing with it.
 */
export function whenFirstContent(timeoutMs = 4000): Promise<void> {
  return Promise.race([marked, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))])
}

/** Marks first content after the component rendered with `ready()` true. */
export function useFirstContentMark(ready: () => boolean) {
  onMounted(() => {
    if (ready()) return mark()
    const stop = watch(ready, (ok) => {
      if (!ok) return
      stop()
      mark()
    }, { flush: 'post' })
  })
}
