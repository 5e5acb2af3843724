/**
 * Kiosk parts that no first screen shows (idle countdown, attract loop, display
 * settings): loaded on their own, fetched ahead once the first screen has its
 * content, so the moment they are needed does not wait for the network or the SW.
 */
import { whenFirstContent } from '../../perf/firstContent'
import { whenIdle } from '../../perf/whenIdle'

export const loadIdleCountdown = () => import('./KioskIdleCountdown.vue')
export const loadAttract = () => import('./KioskAttract.vue')
export const loadDisplaySettings = () => import('./DisplaySettings.vue')

export function prefetchKioskParts() {
  void whenFirstContent().then(() =>
    whenIdle(() => {
      for (const load of [loadIdleCountdown, loadDisplaySettings, loadAttract]) void load().catch(() => undefined)
    }, 5000),
  )
}
