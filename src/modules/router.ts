import { createRouter, createWebHashHistory, START_LOCATION } from 'vue-router'
import type { App } from 'vue'
import { routes } from '../routes'
import { messagesReady } from './i18n'
import { prefetchRoutes } from '../perf/prefetchRoutes'
import { whenFirstContent } from '../perf/firstContent'
import { messagesFor } from '../i18n/messages'
import { useKioskStore } from '../stores/kiosk'

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
  // back to a list returns to where the resident was in it; anything else starts at the top
  // (not the first screen after start, nor when the page was at the top already: a scroll there
  // would only force a layout of the new screen in the tap's own task)
  scrollBehavior: (_to, from, saved) => saved ?? (from === START_LOCATION || leftAtTop ? false : { top: 0 }),
})

/** whether the screen being left was scrolled to the top: read before the new screen renders, so it forces no layout */
let leftAtTop = true
router.beforeEach(() => {
  leftAtTop = window.scrollY === 0
})

// screens show only once the messages they use are there; they load in parallel with the screen's own chunk
// (a resident's checklist waits for no clerk, status or fleet messages)
router.beforeResolve((to) => messagesReady(messagesFor(to.name, useKioskStore().mode === 'resident')))

/** Starts loading a route's screen chunk (before the app mounts, for the first screen). */
export function preloadRoute(path: string) {
  for (const r of router.resolve(path).matched) {
    const c = r.components?.default
    // a lazy screen is a function returning its module; a loaded one is an object
    if (typeof c === 'function' && !('setup' in c) && !('render' in c)) void (c as () => Promise<unknown>)().catch(() => undefined)
  }
}

export function install(app: App) {
  app.use(router)
  void router.isReady().then(() => performance.mark('gongkai:boot:route'))
  void whenFirstContent().then(() => prefetchRoutes(routes))
}
