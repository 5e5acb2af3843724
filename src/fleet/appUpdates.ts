/**
 * When the kiosk looks for a new app version and when it lets one take over.
 * A new version downloads in the background as soon as it is found; it takes
 * over only while nobody uses the kiosk (resting after an idle reset, or not
 * touched since start) and never in clerk mode. Browser-free, so Node tests
 * drive it with fake timers.
 */

export const UPDATE_CHECK_MS = 60 * 60_000

export interface UpdateChecks {
  stop(): void
}

/** Asks for a new version every hour while online, and once when the network comes back. */
export function startUpdateChecks(o: {
  check: () => Promise<unknown>
  isOnline: () => boolean
  intervalMs?: number
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>
}): UpdateChecks {
  const run = () => {
    if (o.isOnline()) o.check().catch(() => undefined) // offline or server down: the next hour tries again
  }
  const timer = setInterval(run, o.intervalMs ?? UPDATE_CHECK_MS)
  o.events?.addEventListener('online', run)
  return {
    stop() {
      clearInterval(timer)
      o.events?.removeEventListener('online', run)
    },
  }
}

export interface KioskActivity {
  /** nobody is using the kiosk */
  resting: boolean
  mode: 'resident' | 'clerk'
}

export function mayTakeOver(waiting: boolean, k: KioskActivity): boolean {
  return waiting && k.resting && k.mode !== 'clerk'
}

/**
 * Applies a waiting update at the first moment it may: at once if the kiosk is
 * resting when the update arrives, otherwise after the next idle reset.
 * Returns a function that the update notice calls (onNeedRefresh).
 */
export function createUpdateGate(o: {
  activity: () => KioskActivity
  onIdleReset: (cb: () => void) => () => void
  apply: () => Promise<void> | void
  retryMs?: number
}): { updateFound(): void; stop(): void; readonly waiting: boolean } {
  let waiting = false
  let applying = false
  const tryApply = () => {
    if (applying || !mayTakeOver(waiting, o.activity())) return
    applying = true
    const retry = () => (applying = false)
    Promise.resolve(o.apply()).catch(retry)
    // the page reloads into the new version; if it is still here later, let the next idle reset try again
    setTimeout(retry, o.retryMs ?? 60_000)
  }
  const unsubscribe = o.onIdleReset(tryApply)
  return {
    updateFound() {
      waiting = true
      tryApply()
    },
    stop: unsubscribe,
    get waiting() {
      return waiting
    },
  }
}
