// @vitest-environment jsdom
/**
 * The page's side of a switch to a waiting app version (applyUpdate in
 * src/modules/pwa.ts): it tells the version to take over, and only if that
 * version is still waiting a few seconds later it loads the service worker's
 * empty page in a hidden frame — what makes Chromium retry the switch after a
 * request restarted the old worker — a few times at most.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyUpdate } from '../../../src/modules/pwa'

const SCOPE = 'https://kiosk.example/hall/'

class FakeWorker extends EventTarget {
  state: ServiceWorkerState = 'installed'
  messages: unknown[] = []
  postMessage(m: unknown) {
    this.messages.push(m)
  }
  /** what Chromium does once it lets the version take over */
  takeOver() {
    this.state = 'activating'
    this.dispatchEvent(new Event('statechange'))
  }
}

let worker: FakeWorker
let frames: string[]
let observer: MutationObserver

// in the app install() has loaded workbox-window long before an update is let in
beforeAll(() => import('workbox-window'))

beforeEach(() => {
  vi.useFakeTimers()
  worker = new FakeWorker()
  const reg = { scope: SCOPE, get waiting() {
    return worker.state === 'installed' ? worker : null
  } }
  Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: { getRegistration: async () => reg, controller: {} } })
  frames = []
  observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLIFrameElement) frames.push(n.src)
  })
  observer.observe(document.body, { childList: true })
})

afterEach(() => {
  observer.disconnect()
  vi.useRealTimers()
})

/** lets the observer and the page's promises run */
const settle = () => vi.advanceTimersByTimeAsync(0)

describe('switching to the waiting version', () => {
  it('a version that takes over at once gets one SKIP_WAITING and no frame', async () => {
    const done = applyUpdate()
    await settle()
    expect(worker.messages).toEqual([{ type: 'SKIP_WAITING' }])
    worker.takeOver()
    await done
    await vi.advanceTimersByTimeAsync(20_000)
    expect(frames).toEqual([])
    expect(worker.messages).toHaveLength(1)
  })

  it('a version still waiting after 3 s: the empty page of the service worker is loaded in a hidden frame, then the version takes over', async () => {
    const done = applyUpdate()
    await vi.advanceTimersByTimeAsync(2900)
    expect(frames).toEqual([])
    await vi.advanceTimersByTimeAsync(200)
    expect(frames).toEqual([`${SCOPE}__gongkai/activate`])
    const frame = document.querySelector('iframe')!
    expect(frame.hidden).toBe(true)
    // the page load in scope: Chromium retires the old worker and the new version takes over
    frame.dispatchEvent(new Event('load'))
    worker.takeOver()
    await done
    expect(document.querySelector('iframe')).toBeNull()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(frames).toHaveLength(1)
  })

  it('a version that never takes over: five nudges at most, then the page stops trying (the next idle reset tries again)', async () => {
    let finished = false
    void applyUpdate().then(() => (finished = true))
    await vi.advanceTimersByTimeAsync(120_000)
    expect(finished).toBe(true)
    expect(frames).toHaveLength(5)
    expect(worker.messages).toHaveLength(6)
    expect(document.querySelector('iframe')).toBeNull()
  })
})
