// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { effectScope, nextTick } from 'vue'
import { useIdleTimer } from '../../../src/composables/useIdleTimer'
import { useKioskStore } from '../../../src/stores/kiosk'

describe('useIdleTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    setActivePinia(createPinia())
  })
  afterEach(() => vi.useRealTimers())

  function start(enabled = () => true) {
    const onTimeout = vi.fn()
    const scope = effectScope()
    const timer = scope.run(() => useIdleTimer({ seconds: () => 90, enabled, onTimeout }))!
    return { timer, onTimeout, scope }
  }

  it('counts down 10 s after 90 s without a touch, then times out once', async () => {
    const { timer, onTimeout, scope } = start()
    vi.advanceTimersByTime(89_000)
    expect(timer.countingDown.value).toBe(false)
    vi.advanceTimersByTime(1_500)
    expect(timer.countingDown.value).toBe(true)
    expect(timer.secondsLeft.value).toBe(10)
    vi.advanceTimersByTime(5_000)
    expect(timer.secondsLeft.value).toBe(5)
    vi.advanceTimersByTime(5_000)
    expect(onTimeout).toHaveBeenCalledTimes(1)
    expect(timer.countingDown.value).toBe(false)
    vi.advanceTimersByTime(200_000)
    expect(onTimeout).toHaveBeenCalledTimes(1)
    scope.stop()
  })

  it('a touch before the countdown starts over', async () => {
    const { timer, onTimeout, scope } = start()
    const kiosk = useKioskStore()
    vi.advanceTimersByTime(80_000)
    kiosk.noteActivity()
    await nextTick()
    vi.advanceTimersByTime(80_000)
    expect(timer.countingDown.value).toBe(false)
    expect(onTimeout).not.toHaveBeenCalled()
    scope.stop()
  })

  it('once counting down, only 继续浏览 (keepAlive) keeps the screen', async () => {
    const { timer, onTimeout, scope } = start()
    const kiosk = useKioskStore()
    vi.advanceTimersByTime(95_000)
    expect(timer.countingDown.value).toBe(true)
    // the touch that lands on the countdown's button: the countdown stays until the button's click
    kiosk.noteActivity()
    await nextTick()
    vi.advanceTimersByTime(300)
    expect(timer.countingDown.value).toBe(true)
    timer.keepAlive()
    expect(timer.countingDown.value).toBe(false)
    vi.advanceTimersByTime(60_000)
    expect(onTimeout).not.toHaveBeenCalled()
    vi.advanceTimersByTime(100_000)
    expect(onTimeout).toHaveBeenCalledTimes(1)
    scope.stop()
  })

  it('does nothing while disabled (e.g. in clerk mode for the resident timer)', () => {
    let enabled = false
    const { timer, onTimeout, scope } = start(() => enabled)
    vi.advanceTimersByTime(200_000)
    expect(timer.countingDown.value).toBe(false)
    expect(onTimeout).not.toHaveBeenCalled()
    enabled = true
    vi.advanceTimersByTime(1_000)
    expect(timer.countingDown.value).toBe(false)
    vi.advanceTimersByTime(20_000)
    expect(onTimeout).toHaveBeenCalledTimes(1)
    scope.stop()
  })
})

describe('kiosk store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('idle reset restores defaults and tells subscribers, but never in clerk mode', () => {
    const kiosk = useKioskStore()
    const cb = vi.fn()
    const off = kiosk.onIdleReset(cb)
    kiosk.noteActivity()
    expect(kiosk.resting).toBe(false)
    kiosk.textSize = 'xlarge'
    kiosk.theme = 'contrast'
    expect(document.documentElement.dataset.text).toBe('xlarge')
    expect(document.documentElement.dataset.theme).toBe('contrast')
    kiosk.mode = 'clerk'
    kiosk.idleReset()
    expect(cb).not.toHaveBeenCalled()
    expect(kiosk.textSize).toBe('xlarge')
    kiosk.mode = 'resident'
    kiosk.idleReset()
    expect(cb).toHaveBeenCalledTimes(1)
    expect(kiosk.textSize).toBe('standard')
    expect(kiosk.theme).toBe('default')
    expect(document.documentElement.dataset.text).toBeUndefined()
    expect(kiosk.resting).toBe(true)
    off()
    kiosk.idleReset()
    expect(cb).toHaveBeenCalledTimes(1)
  })
})
