/**
 * The discreet way into clerk mode: hold the village name for 5 seconds.
 * Returns listeners to bind with v-bind on the element; a move, lift or cancel
 * before the time is up does nothing.
 */
import { onScopeDispose } from 'vue'
import { useRouter } from 'vue-router'

export const CLERK_PRESS_MS = 5000

export function useLongPress(onLongPress: () => void, ms = CLERK_PRESS_MS) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const cancel = () => {
    clearTimeout(timer)
    timer = undefined
  }
  onScopeDispose(cancel)
  return {
    onPointerdown: () => {
      cancel()
      timer = setTimeout(onLongPress, ms)
    },
    onPointerup: cancel,
    onPointerleave: cancel,
    onPointercancel: cancel,
    // a long touch opens the context menu on some screens: not here
    onContextmenu: (e: Event) => e.preventDefault(),
  }
}

/** The village name's listeners: a 5-second press opens #/clerk. */
export function useClerkEntryPress() {
  const router = useRouter()
  return useLongPress(() => void router.push('/clerk'))
}
