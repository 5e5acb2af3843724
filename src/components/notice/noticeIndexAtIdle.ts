/**
 * Builds the content store's id → notice map when the kiosk is idle after
 * first content (and again after each new revision), instead of on the tap
 * that opens a notice: on a township's 10,000 notices building it is ≈ 17 ms
 * at 4× CPU (issue 19, item 4). The map itself stays the store's.
 */
import { onScopeDispose, watch } from 'vue'
import { useContentStore } from '../../stores/content'
import { whenFirstContent } from '../../perf/firstContent'
import { whenIdle } from '../../perf/whenIdle'

export function useNoticeIndexAtIdle() {
  const content = useContentStore()
  let live = true
  onScopeDispose(() => (live = false))
  const build = () => {
    // a lookup builds the map (a computed); nothing else runs if it is current
    if (live && content.loaded) content.noticeById('')
  }
  watch(
    () => [content.loaded, content.notices] as const,
    () => void whenFirstContent().then(() => whenIdle(build, 2000)),
    { immediate: true },
  )
}
