/**
 * Kiosk parts that no first screen shows (idle countdown, attract loop, display
 * settings): loaded on their own, fetched ahead once the first screen has its
 * content, so the moment they are needed does not wait for the network or the SW.
 */
import { whenFirstContent } from '../../perf/firstContent'

export const loadIdleCountdown = () => import('./KioskIdleCountdown.vue')
export const loadAttract = () => import('./KioskAttract.vue')
export const loadDisplaySettings = () => import('./DisplaySettings.vue')

export function prefetchKioskParts() {
  const idle = (cb: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(cb, { timeout: 5000 }) : setTimeout(cb, 1000))
  void whenFirstContent().then(() =>
    idle(() => {
      for (const load of [loadIdleCountdown, loadDisplaySettings, loadAttract]) void load().catch(() => undefined)
    }),
  )
}
