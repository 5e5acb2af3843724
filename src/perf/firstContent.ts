/**
 * `performance.mark('gongkai:first-content')` once per page load, when the
 * first screen with real content has rendered: bench/ measures cold start to it.
 */
import { onMounted, watch } from 'vue'

export const FIRST_CONTENT_MARK = 'gongkai:first-content'

function mark() {
  if (typeof performance === 'undefined' || performance.getEntriesByName(FIRST_CONTENT_MARK).length) return
  performance.mark(FIRST_CONTENT_MARK)
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
