/**
 * Whether the device clock looks wrong (behind the live content's
 * generated_at), for #/status and the clerk screen:
 *   const clock = useClockSanity(); <p v-if="clock.wrong.value">…</p>
 */
import { computed } from 'vue'
import { checkClock } from '../fleet/clockSanity'
import { useClockStore } from '../stores/clock'
import { useContentStore } from '../stores/content'

export function useClockSanity() {
  const clock = useClockStore()
  const content = useContentStore()
  const check = computed(() =>
    checkClock(
      clock.minute,
      [...content.bySource.values()].map((c) => c.record.generatedAt),
    ),
  )
  return {
    wrong: computed(() => check.value.wrong),
    newestGeneratedAt: computed(() => check.value.newestGeneratedAt),
    deviceTime: computed(() => clock.now),
  }
}
