// @vitest-environment jsdom
/**
 * The clerk PIN store: a PIN set on this kiosk opens clerk mode, five wrong
 * PINs lock it, and the lock survives a restart (a fresh store reading IndexedDB).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { deleteDatabase } from '../../../src/db'
import { MAX_WRONG_PINS } from '../../../src/clerk/lockout'
import { useClerkPinStore } from '../../../src/stores/clerkPin'

beforeEach(async () => {
  await deleteDatabase()
  setActivePinia(createPinia())
})

describe('clerk PIN and lockout', () => {
  it('asks for a PIN first, then accepts it and refuses a wrong one', async () => {
    const pin = useClerkPinStore()
    await pin.loadPinState()
    expect(pin.needsPinSetup).toBe(true)
    expect(await pin.setPin('12')).toBe(false)
    expect(await pin.setPin('246810')).toBe(true)
    expect(pin.needsPinSetup).toBe(false)
    expect(await pin.tryPin('111111')).toBe('wrong')
    expect(await pin.tryPin('246810')).toBe('ok')
  })

  it('locks after five wrong PINs, also after a restart, and refuses the right PIN and a new PIN meanwhile', async () => {
    const pin = useClerkPinStore()
    await pin.loadPinState()
    await pin.setPin('246810')
    const answers = []
    for (let i = 0; i < MAX_WRONG_PINS; i++) answers.push(await pin.tryPin('000000'))
    expect(answers.at(-1)).toBe('locked')
    expect(answers.slice(0, -1).every((a) => a === 'wrong')).toBe(true)

    setActivePinia(createPinia())
    const restarted = useClerkPinStore()
    await restarted.loadPinState()
    expect(restarted.lock.lockedUntil).not.toBeNull()
    expect(await restarted.tryPin('246810')).toBe('locked')
    expect(await restarted.setPin('135790')).toBe(false)
  })
})
