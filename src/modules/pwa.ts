/**
 * Registers the service worker that precaches the app shell, so the kiosk
 * starts with no network. A new app version waits; when it is ready it takes
 * over at the next idle moment (see composables/useIdleReset.ts).
 */
import { registerSW } from 'virtual:pwa-register'
import { shallowRef } from 'vue'

/** true when a new app version is downloaded and waiting */
export const updateWaiting = shallowRef(false)
let update: ((reload?: boolean) => Promise<void>) | null = null

export function install() {
  if (!('serviceWorker' in navigator)) return
  update = registerSW({
    immediate: true,
    onNeedRefresh() {
      updateWaiting.value = true
    },
  })
}

/** Switches to the waiting version (reloads the page). Call only when nobody is using the kiosk. */
export async function applyUpdate() {
  if (updateWaiting.value && update) await update(true)
}
