/**
 * Loads the resident screens' chunks once the kiosk is idle after start, so
 * a resident's first tap on a section does not wait for its code
 * (docs/performance.md: tap-to-paint). Clerk mode and status are left alone.
 */
import type { RouteRecordRaw } from 'vue-router'
import { whenIdle } from './whenIdle'

/** the screens a first tap reaches; not the chapter (markdown-it: its compile alone is a long task on a slow kiosk) */
export const PREFETCHED_ROUTES = ['checklist', 'checklist-item', 'notices', 'notice', 'handbook']

export function prefetchRoutes(routes: readonly RouteRecordRaw[], names = PREFETCHED_ROUTES) {
  const idle = (cb: () => void) => whenIdle(cb, 8000)
  const lazy = routes.filter((r) => typeof r.name === 'string' && names.includes(r.name) && typeof r.component === 'function')
  // one chunk per idle period: never a long task of its own on a slow kiosk
  const next = () => {
    const r = lazy.shift()
    if (!r) return
    void (r.component as () => Promise<unknown>)()
      .catch(() => undefined)
      .finally(() => idle(next))
  }
  idle(next)
}
