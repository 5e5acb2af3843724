import { createRouter, createWebHashHistory } from 'vue-router'
import type { App } from 'vue'
import { routes } from '../routes'

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

export function install(app: App) {
  app.use(router)
}
