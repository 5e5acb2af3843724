/**
 * `performance.mark('gongkai:first-content')` once per page load, when the
 * first screen with real content has rendered: bench/ measures cold start to it.
 */
import { onMounted, readonly, shallowRef, watch, type Ref } from 'vue'
import { whenIdle } from './whenIdle'
import { appLive } from './appLive'

export const FIRST_CONTENT_MARK = 'gongkai:first-content'
/** longest the work after first content waits for an idle moment after its frame */
const AFTER_FRAME_WAIT_MS = 300

let markedNow: () => void = () => {}
const marked = new Promise<void>((resolve) => (markedNow = resolve))

function mark() {
  // the boot snapshot, if one was painted, goes in this task: the frame that shows this content shows no snapshot
  appLive()
  // what waits for first content (other screens' code, messages, kiosk parts) starts after that content's frame
  // is painted: started on the mount itself, its chunks and their re-renders held the paint back (issue 19).
  // And at the first idle moment after that frame, not in the task right after it: that task (60 ms at 4× CPU)
  // came before any other, so a touch or the first screen's own next update waited for it
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => whenIdle(markedNow, AFTER_FRAME_WAIT_MS))
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

const shownFlag = shallowRef(false)
void whenFirstContent().then(() => (shownFlag.value = true))
const shown = readonly(shownFlag) as Readonly<Ref<boolean>>

/**
 * True once the first screen has shown its content (or after the timeout): parts of a screen the first
 * frame does not need render behind it (`v-if`), so their code and data do not hold that frame back.
 */
export function useAfterFirstContent(): Readonly<Ref<boolean>> {
  return shown
}
