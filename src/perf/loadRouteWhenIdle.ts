/**
 * Loads one screen's code when the kiosk is next idle: a screen prefetches
 * where its taps lead (home → the board, the board → a notice), in case the
 * start-up prefetch (prefetchRoutes.ts) has not reached it yet. A screen
 * already loaded (its component no longer a loader function) is left alone.
 */
import type { Router } from 'vue-router'
import { whenIdle } from './whenIdle'

export function loadRouteWhenIdle(router: Router, name: string, timeoutMs = 2000): void {
  const load = router.getRoutes().find((r) => r.name === name)?.components?.default
  if (typeof load !== 'function') return
  const run = () => void (load as () => Promise<unknown>)().catch(() => undefined)
  whenIdle(run, timeoutMs)
}
