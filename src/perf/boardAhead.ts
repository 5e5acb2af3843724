/**
 * The board (公开栏) built ahead: once the first screen has shown its content
 * and the kiosk is idle, App.vue mounts the board out of sight for a moment —
 * its code run, the virtual list's box found, the first rows rendered and
 * measured — and then keeps it as KeepAlive keeps a visited board. The first
 * tap on 公开栏 then only puts it in the page, as every later visit does
 * (issue 19 item 4: first-visit costs paid at idle after first content).
 *
 * When other notices go live while the board is out of sight (`content`
 * changed), it is laid out there again at idle: its list renders the new rows
 * while hidden (NoticeVirtualList.vue), but only in the document are their
 * heights and the list's place on the page measured. Built ahead before the
 * first revision arrived, the board would otherwise learn both on the tap,
 * re-rendering every row (Chromium 109, 4×: ≈ 40 ms of a 104 ms first tap).
 */
import { computed, shallowRef, watch, type Component, type WatchSource } from 'vue'
import type { Router } from 'vue-router'
import { whenFirstContent } from './firstContent'
import { whenIdle } from './whenIdle'

export const BOARD_ROUTE = 'notices'

export function useBoardAhead(router: Router, content?: WatchSource<unknown>) {
  const onBoard = computed(() => router.currentRoute.value.name === BOARD_ROUTE)
  /** the board's kept-alive slot exists: it was shown or built ahead */
  const wanted = shallowRef(false)
  /** the board's component, once loaded for building ahead (when shown, RouterView has it) */
  const view = shallowRef<Component | null>(null)
  /** the board is being built out of sight */
  const ahead = shallowRef(false)
  watch(onBoard, (on) => on && (wanted.value = true), { immediate: true })

  async function build() {
    if (wanted.value) return
    const load = router.getRoutes().find((r) => r.name === BOARD_ROUTE)?.components?.default
    const c = typeof load === 'function' ? ((await (load as () => Promise<{ default: Component }>)()).default ?? null) : (load ?? null)
    if (!c || wanted.value) return
    view.value = c
    wanted.value = true
    layOutOfSight()
  }
  function layOutOfSight() {
    ahead.value = true
    // its box comes from a ResizeObserver after the first layout, its rows' heights after the next:
    // two frames, then it leaves the document until the resident opens it
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => (ahead.value = false))))
  }
  void whenFirstContent().then(() => whenIdle(() => void build().catch(() => undefined), 3000))
  if (content) {
    watch(content, () => {
      whenIdle(() => {
        // shown, being laid out, or never built: nothing to do out of sight
        if (wanted.value && !onBoard.value && !ahead.value) layOutOfSight()
      }, 3000)
    })
  }

  return { onBoard, wanted, view, ahead }
}
