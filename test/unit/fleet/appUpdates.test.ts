import { afterEach, describe, expect, it, vi } from 'vitest'
import { createUpdateGate, startUpdateChecks, UPDATE_CHECK_MS, type KioskActivity } from '../../../src/fleet/appUpdates'

function kiosk(initial: KioskActivity) {
  const state = { ...initial }
  const subs = new Set<() => void>()
  return {
    state,
    onIdleReset: (cb: () => void) => (subs.add(cb), () => subs.delete(cb)),
    /** what the kiosk store does when the idle countdown runs out (never in clerk mode) */
    idleReset() {
      if (state.mode === 'clerk') return
      state.resting = true
      for (const cb of subs) cb()
    },
  }
}

afterEach(() => vi.useRealTimers())

describe('when a new app version takes over', () => {
  it('at once if nobody is using the kiosk', () => {
    const k = kiosk({ resting: true, mode: 'resident' })
    const apply = vi.fn()
    createUpdateGate({ activity: () => k.state, onIdleReset: k.onIdleReset, apply }).updateFound()
    expect(apply).toHaveBeenCalledTimes(1)
  })

  it('not during a resident session; after the idle reset', () => {
    const k = kiosk({ resting: false, mode: 'resident' })
    const apply = vi.fn()
    createUpdateGate({ activity: () => k.state, onIdleReset: k.onIdleReset, apply }).updateFound()
    expect(apply).not.toHaveBeenCalled()
    k.idleReset()
    expect(apply).toHaveBeenCalledTimes(1)
  })

  it('never in clerk mode, even when resting', () => {
    const k = kiosk({ resting: true, mode: 'clerk' })
    const apply = vi.fn()
    const gate = createUpdateGate({ activity: () => k.state, onIdleReset: k.onIdleReset, apply })
    gate.updateFound()
    k.idleReset()
    expect(apply).not.toHaveBeenCalled()
    k.state.mode = 'resident'
    k.state.resting = false
    k.idleReset()
    expect(apply).toHaveBeenCalledTimes(1)
  })

  it('an idle reset without a waiting version does nothing', () => {
    const k = kiosk({ resting: false, mode: 'resident' })
    const apply = vi.fn()
    createUpdateGate({ activity: () => k.state, onIdleReset: k.onIdleReset, apply })
    k.idleReset()
    expect(apply).not.toHaveBeenCalled()
  })
})

describe('update checks', () => {
  it('run hourly while online, skip while offline, and run when the network is back', async () => {
    vi.useFakeTimers()
    let online = true
    const check = vi.fn(async () => undefined)
    const events = new EventTarget()
    const checks = startUpdateChecks({ check, isOnline: () => online, events })
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_MS * 3)
    expect(check).toHaveBeenCalledTimes(3)
    online = false
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_MS * 2)
    expect(check).toHaveBeenCalledTimes(3)
    online = true
    events.dispatchEvent(new Event('online'))
    expect(check).toHaveBeenCalledTimes(4)
    checks.stop()
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_MS * 2)
    expect(check).toHaveBeenCalledTimes(4)
  })

  it('a failing check (server down) does not stop later ones', async () => {
    vi.useFakeTimers()
    const check = vi.fn(async () => Promise.reject(new Error('503')))
    const checks = startUpdateChecks({ check, isOnline: () => true })
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_MS * 2)
    expect(check).toHaveBeenCalledTimes(2)
    checks.stop()
  })
})

describe('an update that did not take over', () => {
  it('is tried again at a later idle reset', async () => {
    vi.useFakeTimers()
    const k = kiosk({ resting: false, mode: 'resident' })
    const apply = vi.fn()
    createUpdateGate({ activity: () => k.state, onIdleReset: k.onIdleReset, apply, retryMs: 1000 }).updateFound()
    k.idleReset()
    k.idleReset()
    expect(apply).toHaveBeenCalledTimes(1) // one attempt in flight
    await vi.advanceTimersByTimeAsync(1000)
    k.idleReset()
    expect(apply).toHaveBeenCalledTimes(2)
  })
})
