// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RouteRecordRaw } from 'vue-router'
import { prefetchRoutes } from '../../../src/perf/prefetchRoutes'

afterEach(() => vi.useRealTimers())

describe('prefetchRoutes', () => {
  it('loads the named resident screens one idle period at a time, and never clerk mode', async () => {
    vi.useFakeTimers()
    const loaded: string[] = []
    const lazy = (name: string) => () => {
      loaded.push(name)
      return Promise.resolve({})
    }
    const routes = [
      { path: '/', name: 'home', component: {} },
      { path: '/notices', name: 'notices', component: lazy('notices') },
      { path: '/clerk', name: 'clerk', component: lazy('clerk') },
      { path: '/handbook', name: 'handbook', component: lazy('handbook') },
    ] as RouteRecordRaw[]
    prefetchRoutes(routes)
    expect(loaded).toEqual([])
    await vi.advanceTimersByTimeAsync(3000)
    expect(loaded).toEqual(['notices'])
    await vi.advanceTimersByTimeAsync(3000)
    expect(loaded).toEqual(['notices', 'handbook'])
    await vi.advanceTimersByTimeAsync(10_000)
    expect(loaded).toEqual(['notices', 'handbook'])
  })
})
