import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { loadRouteWhenIdle } from '../../../src/perf/loadRouteWhenIdle'

const Screen = { render: () => null }

afterEach(() => vi.useRealTimers())

describe('loadRouteWhenIdle: a screen prefetches where its taps lead', () => {
  it("loads the named route's code once the kiosk is idle, and no other route's", async () => {
    vi.useFakeTimers()
    const board = vi.fn(async () => Screen)
    const other = vi.fn(async () => Screen)
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: Screen }, { path: '/notices', name: 'notices', component: board }, { path: '/x', name: 'x', component: other }] })
    loadRouteWhenIdle(router, 'notices')
    expect(board).not.toHaveBeenCalled()
    await vi.runAllTimersAsync()
    expect(board).toHaveBeenCalledTimes(1)
    expect(other).not.toHaveBeenCalled()
  })

  it('does nothing for a screen already loaded or a name with no route', async () => {
    vi.useFakeTimers()
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'home', component: Screen }] })
    loadRouteWhenIdle(router, 'home')
    loadRouteWhenIdle(router, 'missing')
    expect(vi.getTimerCount()).toBe(0)
  })
})
