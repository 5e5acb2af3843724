/**
 * Counts how long nobody touched the screen (from the kiosk store's
 * lastActivityAt). After `seconds` it counts down `countdownSeconds`
 * (default 10) and then calls onTimeout once; a touch before the countdown
 * starts over. Once the countdown shows, only keepAlive() (its 继续浏览
 * button) stops it: the countdown covers the screen, so the touch that hits
 * the button must not hide it before the button gets its click. Used for the
 * resident idle reset and the clerk-mode timeout.
 */
import { getCurrentScope, onScopeDispose, shallowRef, watch, type Ref } from 'vue'
import { useKioskStore } from '../stores/kiosk'

export interface IdleTimerOptions {
  seconds: () => number
  countdownSeconds?: number
  enabled: () => boolean
  onTimeout: () => void
  /** how often to look at the clock, ms (tests may lower it) */
  tickMs?: number
}

export interface IdleTimer {
  countingDown: Ref<boolean>
  secondsLeft: Ref<number>
  keepAlive(): void
}

export function useIdleTimer(opts: IdleTimerOptions): IdleTimer {
  const kiosk = useKioskStore()
  const countdown = opts.countdownSeconds ?? 10
  const countingDown = shallowRef(false)
  const secondsLeft = shallowRef(countdown)
  /** the activity time onTimeout already fired for: fire once per idle stretch */
  let firedFor: number | null = null
  /** the activity time the running countdown counts from; later touches do not stop it */
  let countdownFor: number | null = null
  let timer: ReturnType<typeof setInterval> | undefined

  function evaluate() {
    if (!opts.enabled()) return idle()
    const since = countdownFor ?? kiosk.lastActivityAt
    const idleMs = Date.now() - since
    const limitMs = opts.seconds() * 1000
    if (firedFor === since || idleMs < limitMs) return idle()
    const left = Math.max(0, Math.ceil(countdown - (idleMs - limitMs) / 1000))
    secondsLeft.value = left
    if (left > 0) {
      countdownFor = since
      countingDown.value = true
      return
    }
    countingDown.value = false
    countdownFor = null
    firedFor = since
    opts.onTimeout()
  }

  function idle() {
    countdownFor = null
    countingDown.value = false
    secondsLeft.value = countdown
  }

  function keepAlive() {
    countdownFor = null
    kiosk.noteActivity()
    evaluate()
  }

  timer = setInterval(evaluate, opts.tickMs ?? 250)
  watch(() => [kiosk.lastActivityAt, opts.enabled()], evaluate)

  if (getCurrentScope()) {
    onScopeDispose(() => {
      if (timer) clearInterval(timer)
      timer = undefined
    })
  }

  return { countingDown, secondsLeft, keepAlive }
}
