/**
 * The app's side of the service worker (src/sw.ts), on workbox-window: it
 * registers the worker, looks for a new version every hour while online, lets
 * a downloaded version take over only while nobody uses the kiosk and never in
 * clerk mode (fleet/appUpdates.ts), and reports "started" once the app has
 * rendered — a version that never reports it is rolled back by the service
 * worker (serviceWorker/shellPolicy.ts).
 *
 * workbox-window gives the registration, the update check and the 'waiting'
 * and 'controlling' events, and messages the worker. Kept here because it
 * lacks them: the gate, the nudge that gets a slow version to take over
 * (applyUpdate), the "started" report, and a look for a waiting version it
 * did not announce (pickUpWaiting).
 */
import { shallowRef } from 'vue'
import { createUpdateGate, startUpdateChecks } from '../fleet/appUpdates'
import type { useKioskStore } from '../stores/kiosk'

/** true when a new app version is downloaded and waiting */
export const updateWaiting = shallowRef(false)
let registration: ServiceWorkerRegistration | undefined
let gate: ReturnType<typeof createUpdateGate> | null = null
let reloadOnTakeover = false

/** workbox-window loads after the first screen has rendered (a chunk of its own): nothing on that screen needs it */
const workbox = () => import('workbox-window')

export interface ShellInfo {
  /** this service worker's version label and key */
  selfLabel: string
  self: string
  /** the last version that started OK */
  good: string | null
  goodLabel: string | null
  rolledBack: { from: string; fromLabel: string; to: string; toLabel: string; at: string } | null
}

function found() {
  updateWaiting.value = true
  gate?.updateFound()
}

/**
 * A version that finished downloading unannounced. workbox-window stops
 * watching for new versions after the first one it did not start itself (one
 * found more than a minute after register(), i.e. every hourly find): if that
 * one never got to waiting, the next would go unnoticed. Looked for at each
 * idle reset and before each hourly check.
 */
function pickUpWaiting() {
  if (updateWaiting.value || !('serviceWorker' in navigator)) return
  void navigator.serviceWorker.getRegistration().then((reg) => {
    if (reg?.waiting && navigator.serviceWorker.controller) found()
  })
}

/** Registers the service worker (built app only) and watches for a new version. */
export async function install() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const { Workbox } = await workbox()
  const wb = new Workbox('./sw.js', { scope: './' })
  // also fired for a version that was already waiting when this page loaded; without a controller it is the
  // first install, which takes over by itself
  wb.addEventListener('waiting', () => {
    if (navigator.serviceWorker.controller) found()
  })
  wb.addEventListener('controlling', () => {
    // the first install takes control quietly; an update we let in reloads into the new version
    if (reloadOnTakeover) window.location.reload()
    else postStarted()
  })
  try {
    // install() runs once the app has rendered: no reason to wait for the load event
    registration = await wb.register({ immediate: true })
  } catch (e) {
    console.warn('service worker registration failed', e)
    return
  }
  startUpdateChecks({
    check: () => {
      pickUpWaiting()
      return wb.update()
    },
    isOnline: () => navigator.onLine,
    events: window,
  })
}

/** Connects updates to the kiosk: they wait for resting, outside clerk mode. */
export function gateUpdates(kiosk: ReturnType<typeof useKioskStore>) {
  gate?.stop()
  gate = createUpdateGate({
    activity: () => ({ resting: kiosk.resting, mode: kiosk.mode }),
    onIdleReset: kiosk.onIdleReset,
    apply: applyUpdate,
  })
  if (updateWaiting.value) gate.updateFound()
  kiosk.onIdleReset(pickUpWaiting)
}

/** how long a version told to take over may stay waiting before the page nudges Chromium again */
const NUDGE_AFTER_MS = 3000
const MAX_NUDGES = 5
/** an empty page src/sw.ts answers itself */
const ACTIVATE_PATH = '__gongkai/activate'
const SKIP_WAITING = { type: 'SKIP_WAITING' }

/**
 * Switches to the waiting version (the page reloads once it has taken over).
 * Call only when nobody is using the kiosk.
 *
 * Why the nudges: Chromium lets a waiting version that called skipWaiting()
 * take over only once the running version's worker has gone idle and been
 * stopped, and it asks for that stop once, at the first skipWaiting(). If a
 * request reaches the old worker while it is stopping — at an idle reset the
 * router goes home and Chromium fetches the favicon again — the worker is
 * started again and the request to stop is forgotten: the new version then
 * waits until the old worker idles out by itself (30 s, never while DevTools
 * is attached) or Chromium's 5-minute limit. Repeating SKIP_WAITING does not
 * help (only the first call counts); a page load in scope does, since Chromium
 * then asks the old worker to stop again. So: tell the new version to take
 * over, and if it is still waiting a few seconds later, load the worker's
 * empty page in a hidden frame, a few times at most.
 */
export async function applyUpdate() {
  // the registration as the browser has it now (register() may not have answered yet on a busy machine)
  const reg = registration?.waiting ? registration : await navigator.serviceWorker?.getRegistration()
  const worker = reg?.waiting
  if (!reg || !worker) return
  const { messageSW } = await workbox()
  reloadOnTakeover = true
  for (let nudges = 0; ; nudges++) {
    // what Workbox.messageSkipWaiting() sends, but to this worker: that one acts only once register() answered
    void messageSW(worker, SKIP_WAITING)
    if ((await leavesWaiting(worker, NUDGE_AFTER_MS)) || nudges === MAX_NUDGES) return
    await loadHidden(new URL(ACTIVATE_PATH, reg.scope).href)
  }
}

/** true once the worker is past 'installed' (taking over, or replaced), false if it still waits after ms */
function leavesWaiting(worker: ServiceWorker, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (left: boolean) => {
      clearTimeout(timer)
      worker.removeEventListener('statechange', check)
      resolve(left)
    }
    const check = () => {
      if (worker.state !== 'installed') finish(true)
    }
    const timer = setTimeout(() => finish(false), ms)
    worker.addEventListener('statechange', check)
    check()
  })
}

/** Loads url in a hidden frame and removes the frame once loaded (or after 10 s). */
function loadHidden(url: string): Promise<void> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe')
    const done = () => {
      clearTimeout(timer)
      frame.remove()
      resolve()
    }
    const timer = setTimeout(done, 10_000)
    frame.hidden = true
    frame.tabIndex = -1
    frame.setAttribute('aria-hidden', 'true')
    frame.addEventListener('load', done, { once: true })
    frame.src = url
    document.body.append(frame)
  })
}

let started = false
function postStarted() {
  // one way: messageSW() would wait for an answer the worker never sends
  if (started) navigator.serviceWorker?.controller?.postMessage({ type: 'GONGKAI_STARTED' })
}

/** Called once the app has mounted and painted: this version works. */
export function reportStarted() {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      started = true
      // which version runs, for a technician's devtools and the end-to-end tests
      document.documentElement.dataset.appVersion = __APP_VERSION__
      document.documentElement.dataset.started = ''
      window.dispatchEvent(new Event('gongkai:started'))
      postStarted()
    }),
  )
}

/** What the service worker knows about versions (for #/status); null without one. */
export async function getShellInfo(timeoutMs = 2000): Promise<ShellInfo | null> {
  const sw = navigator.serviceWorker?.controller
  if (!sw) return null
  const { messageSW } = await workbox()
  return Promise.race([
    messageSW(sw, { type: 'GONGKAI_SHELL_STATE' }) as Promise<ShellInfo>,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ])
}
