// @vitest-environment jsdom
/**
 * The page's update lifecycle (install() and gateUpdates() in
 * src/modules/pwa.ts) on workbox-window, against a fake service worker
 * container: when a downloaded version is told to take over (SKIP_WAITING),
 * and that the version which took over hears "started".
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

class FakeWorker extends EventTarget {
  messages: unknown[] = []
  constructor(
    public scriptURL: string,
    public state: ServiceWorkerState,
  ) {
    super()
  }
  postMessage(m: unknown) {
    this.messages.push(m)
  }
  setState(s: ServiceWorkerState) {
    this.state = s
    this.dispatchEvent(new Event('statechange'))
  }
}

const SCRIPT = new URL('./sw.js', location.href).href

class FakeRegistration extends EventTarget {
  scope = new URL('./', location.href).href
  installing: FakeWorker | null = null
  waiting: FakeWorker | null = null
  active: FakeWorker | null = null
  update = vi.fn(async () => undefined)
  /** a new version found: installing, then installed and waiting behind the running one */
  download(): FakeWorker {
    const w = new FakeWorker(SCRIPT, 'installing')
    this.installing = w
    this.dispatchEvent(new Event('updatefound'))
    this.installing = null
    this.waiting = w
    w.setState('installed')
    return w
  }
}

class FakeContainer extends EventTarget {
  controller: FakeWorker | null
  reg = new FakeRegistration()
  constructor(controller: FakeWorker | null) {
    super()
    this.controller = controller
    this.reg.active = controller
  }
  register = vi.fn(async () => this.reg)
  getRegistration = async () => this.reg
  /** what Chromium does when a version takes control of this page */
  takeControl(w: FakeWorker) {
    this.reg.waiting = null
    this.reg.active = w
    this.controller = w
    w.setState('activated')
    this.dispatchEvent(new Event('controllerchange'))
  }
}

/** a kiosk store's activity, set by the test */
function fakeKiosk() {
  const resets: (() => void)[] = []
  return {
    resting: true,
    mode: 'resident' as 'resident' | 'clerk',
    onIdleReset(cb: () => void) {
      resets.push(cb)
      return () => resets.splice(resets.indexOf(cb), 1)
    },
    /** a resident's session ends */
    idleReset() {
      this.resting = true
      for (const cb of [...resets]) cb()
    },
  }
}

let sw: FakeContainer
const skips = (w: FakeWorker) => w.messages.filter((m) => (m as { type?: string }).type === 'SKIP_WAITING').length

/** a page running the built app, under a service worker (controller) or on its first visit (null) */
async function startPage(controller: FakeWorker | null) {
  sw = new FakeContainer(controller)
  Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: sw })
  vi.resetModules()
  const pwa = await import('../../../src/modules/pwa')
  const kiosk = fakeKiosk()
  await pwa.install()
  pwa.gateUpdates(kiosk as unknown as Parameters<typeof pwa.gateUpdates>[0])
  return { pwa, kiosk }
}

// in the app, workbox-window is loaded after the first screen; here once, before the fake clock runs
beforeAll(() => import('workbox-window'))

beforeEach(() => {
  vi.useFakeTimers()
  vi.stubEnv('PROD', true)
})

/** jsdom cannot reload: the page's reload is recorded instead */
function stubReload() {
  const reload = vi.fn()
  vi.stubGlobal('location', { ...location, href: location.href, reload })
  return reload
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.unstubAllEnvs()
  vi.useRealTimers()
})

describe('a new app version on a running kiosk', () => {
  it('found while a resident uses the kiosk, it is told to take over only after the idle reset, then the page reloads into it', async () => {
    const { pwa, kiosk } = await startPage(new FakeWorker(SCRIPT, 'activated'))
    const reload = stubReload()
    expect(sw.register).toHaveBeenCalledWith('./sw.js', { scope: './' })
    kiosk.resting = false
    const next = sw.reg.download()
    await vi.advanceTimersByTimeAsync(1000)
    expect(pwa.updateWaiting.value).toBe(true)
    expect(skips(next)).toBe(0)
    kiosk.idleReset()
    await vi.advanceTimersByTimeAsync(0)
    expect(skips(next)).toBe(1)
    expect(reload).not.toHaveBeenCalled()
    sw.takeControl(next)
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('never while in clerk mode, even when nobody touches the screen', async () => {
    const { kiosk } = await startPage(new FakeWorker(SCRIPT, 'activated'))
    kiosk.mode = 'clerk'
    const next = sw.reg.download()
    await vi.advanceTimersByTimeAsync(1000)
    kiosk.idleReset()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(skips(next)).toBe(0)
  })

  it('a version that finished downloading unannounced is let in at the next hourly check', async () => {
    const { pwa } = await startPage(new FakeWorker(SCRIPT, 'activated'))
    // waiting without an updatefound this page saw (workbox-window stops watching after a version it did not start)
    const next = new FakeWorker(SCRIPT, 'installed')
    sw.reg.waiting = next
    await vi.advanceTimersByTimeAsync(59 * 60_000)
    expect(skips(next)).toBe(0)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sw.reg.update).toHaveBeenCalledTimes(1)
    expect(pwa.updateWaiting.value).toBe(true)
    expect(skips(next)).toBe(1)
  })

  it('the first install takes control quietly and hears "started"; it is not told to take over', async () => {
    const { pwa } = await startPage(null)
    const reload = stubReload()
    pwa.reportStarted()
    await vi.advanceTimersByTimeAsync(100) // two animation frames
    const first = sw.reg.download()
    await vi.advanceTimersByTimeAsync(1000)
    expect(pwa.updateWaiting.value).toBe(false)
    sw.takeControl(first)
    expect(first.messages).toEqual([{ type: 'GONGKAI_STARTED' }])
    expect(reload).not.toHaveBeenCalled()
  })
})
