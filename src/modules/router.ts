import { createRouter, createWebHashHistory } from 'vue-router'
import type { App } from 'vue'
import { routes } from '../routes'
import { messagesReady } from './i18n'
import { prefetchRoutes } from '../perf/prefetchRoutes'

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
  // back to a list returns to where the resident was in it; anything else starts at the top
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

// screens show only once their messages are there; they load in parallel with the screen's own chunk
router.beforeResolve(() => messagesReady())

export function install(app: App) {
  app.use(router)
  void router.isReady().then(() => prefetchRoutes(routes))
}
