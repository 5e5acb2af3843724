/**
 * The app's side of the service worker (src/sw.ts): registers it, looks for a
 * new version every hour while online, lets a downloaded version take over
 * only while nobody uses the kiosk and never in clerk mode
 * (fleet/appUpdates.ts), and reports "started" once the app has rendered —
 * a version that never reports it is rolled back by the service worker.
 */
import { shallowRef } from 'vue'
import { createUpdateGate, startUpdateChecks } from '../fleet/appUpdates'
import type { useKioskStore } from '../stores/kiosk'

/** true when a new app version is downloaded and waiting */
export const updateWaiting = shallowRef(false)
let registration: ServiceWorkerRegistration | null = null
let gate: ReturnType<typeof createUpdateGate> | null = null
let reloadOnTakeover = false

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

/** Registers the service worker (built app only) and watches for a new version. */
export async function install() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const sw = navigator.serviceWorker
  sw.addEventListener('controllerchange', () => {
    // the first install takes control quietly; an update we let in reloads into the new version
    if (reloadOnTakeover) window.location.reload()
    else postStarted()
  })
  try {
    registration = await sw.register('./sw.js', { scope: './' })
  } catch (e) {
    console.warn('service worker registration failed', e)
    return
  }
  const reg = registration
  const watchInstalling = () => {
    const worker = reg.installing
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && sw.controller) found()
    })
  }
  reg.addEventListener('updatefound', watchInstalling)
  watchInstalling()
  // a version downloaded before this page loaded is still waiting
  if (reg.waiting && sw.controller) found()
  startUpdateChecks({ check: () => reg.update(), isOnline: () => navigator.onLine, events: window })
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
  // a version that finished downloading unnoticed (no statechange seen) is picked up at the next idle reset too
  kiosk.onIdleReset(() => {
    if (updateWaiting.value || !('serviceWorker' in navigator)) return
    void navigator.serviceWorker.getRegistration().then((reg) => {
      if (reg?.waiting && navigator.serviceWorker.controller) found()
    })
  })
}

/** Switches to the waiting version (reloads the page). Call only when nobody is using the kiosk. */
export async function applyUpdate() {
  // the registration as the browser has it now (register() may not have answered yet on a busy machine)
  const reg = registration?.waiting ? registration : await navigator.serviceWorker?.getRegistration()
  if (!reg?.waiting) return
  reloadOnTakeover = true
  // a message to a worker that is still starting can be lost on a busy machine: ask again until it takes over
  for (let i = 0; i < 6 && reg.waiting; i++) {
    reg.waiting.postMessage({ type: 'SKIP_WAITING' })
    await new Promise((r) => setTimeout(r, 5000))
  }
}

let started = false
function postStarted() {
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
  const channel = new MessageChannel()
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs)
    channel.port1.onmessage = (e) => {
      clearTimeout(timer)
      resolve(e.data as ShellInfo)
    }
    sw.postMessage({ type: 'GONGKAI_SHELL_STATE' }, [channel.port2])
  })
}
