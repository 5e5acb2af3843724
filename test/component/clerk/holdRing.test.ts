// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { useLongPress } from '../../../src/components/clerk/useLongPress'
import ClerkHoldRing from '../../../src/components/clerk/ClerkHoldRing.vue'

afterEach(() => vi.useRealTimers())

/** the village name as the header binds it */
function holdable(onLong: () => void) {
  return defineComponent({
    setup() {
      const { listeners, progress } = useLongPress(onLong)
      return () => h('span', { 'data-testid': 'name', ...listeners }, ['桐溪村', progress.value !== null ? h(ClerkHoldRing, { progress: progress.value }) : null])
    },
  })
}

describe('holding the village name', () => {
  it('shows no ring for a short press, a filling ring after 1 s, and opens at 5 s', async () => {
    vi.useFakeTimers()
    const opened = vi.fn()
    const w = mount(holdable(opened))
    await w.get('[data-testid="name"]').trigger('pointerdown')
    await vi.advanceTimersByTimeAsync(900)
    expect(w.find('[data-testid="hold-ring"]').exists()).toBe(false)
    await vi.advanceTimersByTimeAsync(600)
    const at1500 = Number(w.get('[data-testid="hold-ring"]').attributes('aria-valuenow'))
    expect(at1500).toBeGreaterThanOrEqual(28)
    expect(at1500).toBeLessThanOrEqual(32)
    await vi.advanceTimersByTimeAsync(1500)
    expect(Number(w.get('[data-testid="hold-ring"]').attributes('aria-valuenow'))).toBeGreaterThan(55)
    expect(opened).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(2100)
    expect(opened).toHaveBeenCalledOnce()
    expect(w.find('[data-testid="hold-ring"]').exists()).toBe(false)
  })

  it('letting go at 3 s closes the ring and opens nothing', async () => {
    vi.useFakeTimers()
    const opened = vi.fn()
    const w = mount(holdable(opened))
    await w.get('[data-testid="name"]').trigger('pointerdown')
    await vi.advanceTimersByTimeAsync(3000)
    expect(w.find('[data-testid="hold-ring"]').exists()).toBe(true)
    await w.get('[data-testid="name"]').trigger('pointerup')
    expect(w.find('[data-testid="hold-ring"]').exists()).toBe(false)
    await vi.advanceTimersByTimeAsync(5000)
    expect(opened).not.toHaveBeenCalled()
  })
})
