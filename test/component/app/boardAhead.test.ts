// @vitest-environment jsdom
/**
 * The board built ahead out of sight (perf/boardAhead.ts) is laid out there again, at idle, when other
 * notices go live while a resident is elsewhere: only in the document are its rows' heights and its place
 * measured, and learning them on the tap that opens the board re-rendered every row (issue 19 item 4).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { BOARD_ROUTE, useBoardAhead } from '../../../src/perf/boardAhead'

let idle: (() => void)[] = []
async function kioskIdle() {
  const due = idle
  idle = []
  for (const cb of due) cb()
  await vi.advanceTimersByTimeAsync(0)
}
/** two frames and the task after them: the time the board spends in the document out of sight */
const frames = () => vi.advanceTimersByTimeAsync(50)

beforeEach(() => {
  vi.useFakeTimers()
  vi.stubGlobal('requestIdleCallback', (cb: () => void) => idle.push(cb))
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 16))
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  idle = []
})

async function kiosk() {
  const Board = { render: () => null }
  const router: Router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: { render: () => null } },
      { path: '/notices', name: BOARD_ROUTE, component: Board },
    ],
  })
  await router.push('/')
  const content = shallowRef(1)
  const scope = effectScope()
  const b = scope.run(() => useBoardAhead(router, content))!
  // first content (or its timeout), then the first idle moment: built ahead, then out of the document
  await vi.advanceTimersByTimeAsync(4000)
  await kioskIdle()
  expect(b.wanted.value).toBe(true)
  expect(b.ahead.value).toBe(true)
  await frames()
  expect(b.ahead.value).toBe(false)
  return { router, content, b, stop: () => scope.stop() }
}

describe('the board built ahead', () => {
  it('is laid out out of sight again at idle when other notices went live, then leaves the document', async () => {
    const k = await kiosk()
    k.content.value = 2
    await nextTick()
    // not on the task that brought the revision
    expect(k.b.ahead.value).toBe(false)
    await kioskIdle()
    expect(k.b.ahead.value).toBe(true)
    await frames()
    expect(k.b.ahead.value).toBe(false)
    k.stop()
  })

  it('is not laid out again while the resident is on it: it is on screen already', async () => {
    const k = await kiosk()
    await k.router.push('/notices')
    k.content.value = 2
    await nextTick()
    await kioskIdle()
    expect(k.b.onBoard.value).toBe(true)
    expect(k.b.ahead.value).toBe(false)
    k.stop()
  })
})
