// @vitest-environment jsdom
/**
 * Asking the service worker about the township's clerk PIN: an active worker
 * is asked whether or not it controls the page yet (a first start, a hard
 * reload), a built app's first start waits for its worker to become active,
 * and development (no worker) answers at once. The clerk PIN store shows the
 * pad for a kiosk PIN without waiting for the worker, and waits for it only
 * when a PIN is tried.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { CLERK_KV, deleteDatabase, kvSet } from '../../../src/db'
import { hashPin } from '../../../src/clerk/pin'
import { askProvisionedPin } from '../../../src/clerk/provisionedPin'
import { useClerkPinStore } from '../../../src/stores/clerkPin'

const TOWNSHIP_PIN = '482916'

/** a worker that knows the township's PIN; `held` answers only once released */
function fakeWorker() {
  let release: () => void = () => {}
  const held = new Promise<void>((r) => (release = r))
  const asked: { pin?: string }[] = []
  let holding = false
  const worker = {
    postMessage(msg: { type: string; pin?: string }, ports: MessagePort[]) {
      asked.push(msg)
      const answer = () => ports[0]!.postMessage({ provisioned: true, ...(msg.pin === undefined ? {} : { ok: msg.pin === TOWNSHIP_PIN }) })
      if (holding) void held.then(answer)
      else answer()
    },
  }
  return { worker, asked, hold: () => (holding = true), release: () => release() }
}

function stubServiceWorker(sw: { controller?: unknown; registration?: { active: unknown } | undefined; ready?: Promise<{ active: unknown }> }) {
  vi.stubGlobal('navigator', {
    serviceWorker: {
      controller: sw.controller ?? null,
      getRegistration: async () => sw.registration,
      ready: sw.ready ?? new Promise(() => {}),
    },
  })
}

beforeEach(async () => {
  await deleteDatabase()
  setActivePinia(createPinia())
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.unstubAllEnvs()
})

describe('askProvisionedPin', () => {
  it('asks an active worker that does not control the page yet, and gets its answer', async () => {
    const w = fakeWorker()
    stubServiceWorker({ registration: { active: w.worker } })
    expect(await askProvisionedPin()).toEqual({ provisioned: true })
    expect(await askProvisionedPin('000000')).toEqual({ provisioned: true, ok: false })
    expect(await askProvisionedPin(TOWNSHIP_PIN)).toEqual({ provisioned: true, ok: true })
  })

  it('on a built app’s first start, waits for the worker to become active, then asks it', async () => {
    vi.stubEnv('PROD', true)
    const w = fakeWorker()
    let activate: (r: { active: unknown }) => void = () => {}
    stubServiceWorker({ registration: undefined, ready: new Promise((r) => (activate = r)) })
    const answer = askProvisionedPin()
    await new Promise((r) => setTimeout(r, 20))
    expect(w.asked).toHaveLength(0)
    activate({ active: w.worker })
    expect(await answer).toEqual({ provisioned: true })
  })

  it('answers null at once where no worker is registered in development', async () => {
    vi.stubEnv('PROD', false)
    stubServiceWorker({ registration: undefined })
    expect(await askProvisionedPin()).toBeNull()
  })
})

describe('the clerk PIN store and a slow worker', () => {
  it('with a kiosk PIN, the pad is ready before the worker answers; trying a PIN waits for it and the township PIN wins', async () => {
    await kvSet(CLERK_KV.pin, { hash: await hashPin('246810'), lock: null })
    const w = fakeWorker()
    w.hold()
    stubServiceWorker({ registration: { active: w.worker } })
    const pin = useClerkPinStore()
    await pin.loadPinState()
    expect(pin.needsPinSetup).toBe(false)
    const tried = pin.tryPin(TOWNSHIP_PIN)
    let settled = false
    void tried.then(() => (settled = true))
    await new Promise((r) => setTimeout(r, 20))
    expect(settled).toBe(false)
    w.release()
    expect(await tried).toBe('ok')
    expect(await pin.tryPin('246810')).toBe('wrong')
  })

  it('without a kiosk PIN, it waits for the worker: a provisioned PIN is entered, never set', async () => {
    const w = fakeWorker()
    stubServiceWorker({ registration: { active: w.worker } })
    const pin = useClerkPinStore()
    await pin.loadPinState()
    expect(pin.needsPinSetup).toBe(false)
    expect(await pin.setPin('135790')).toBe(false)
    expect(await pin.tryPin(TOWNSHIP_PIN)).toBe('ok')
  })
})
