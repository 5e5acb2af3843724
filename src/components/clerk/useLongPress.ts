/**
 * The discreet way into clerk mode: hold the village name for 5 seconds.
 * `listeners` go on the element with v-bind; a move, lift or cancel before the
 * time is up does nothing. After HINT_AFTER_MS of holding, `progress` (0–1)
 * drives a ring that fills up to the 5 s, so a clerk who lets go at 3 s knows
 * to hold longer (issue 16 item 4); a resident's brief tap shows nothing.
 */
import { onScopeDispose, shallowRef } from 'vue'
import { useRouter } from 'vue-router'

export const CLERK_PRESS_MS = 5000
export const HINT_AFTER_MS = 1000
const TICK_MS = 50

export function useLongPress(onLongPress: () => void, ms = CLERK_PRESS_MS) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let ticker: ReturnType<typeof setInterval> | undefined
  /** null while no hint is shown; else the share of the hold done */
  const progress = shallowRef<number | null>(null)
  const cancel = () => {
    clearTimeout(timer)
    clearInterval(ticker)
    timer = undefined
    ticker = undefined
    progress.value = null
  }
  onScopeDispose(cancel)
  const listeners = {
    onPointerdown: () => {
      cancel()
      const start = Date.now()
      timer = setTimeout(() => {
        cancel()
        onLongPress()
      }, ms)
      ticker = setInterval(() => {
        const held = Date.now() - start
        if (held >= HINT_AFTER_MS) progress.value = Math.min(1, held / ms)
      }, TICK_MS)
    },
    onPointerup: cancel,
    onPointerleave: cancel,
    onPointercancel: cancel,
    // a long touch opens the context menu on some screens: not here
    onContextmenu: (e: Event) => e.preventDefault(),
  }
  return { listeners, progress }
}

/** The village name's listeners: a 5-second press opens #/clerk. */
export function useClerkEntryPress() {
  const router = useRouter()
  return useLongPress(() => void router.push('/clerk'))
}
