/**
 * Waits until a page has had no request in flight for `quietMs`: what the console's pages need before they are
 * checked (every fetch answered, any error box shown). Playwright's `waitForLoadState('networkidle')` did this
 * over the page and its frames, and once in CI never fired: the draft preview's kiosk app had left a request
 * that never got an end event (this helper named it; most likely what held networkidle too). The page's own requests only.
 */
import type { Page, Request } from 'playwright-core'

const tracked = new WeakMap<Page, Set<Request>>()

/** Starts counting a page's requests; call it when the page is made, before it navigates. */
export function trackRequests(page: Page): void {
  const inFlight = new Set<Request>()
  tracked.set(page, inFlight)
  page.on('request', (r) => {
    if (fromPage(page, r)) inFlight.add(r)
  })
  // answered once its response came: a request a navigation cut off after that gets neither of the other two events
  page.on('response', (r) => inFlight.delete(r.request()))
  page.on('requestfinished', (r) => inFlight.delete(r))
  page.on('requestfailed', (r) => inFlight.delete(r))
}

/**
 * The console's own requests: not those of a frame inside it (the draft preview runs a kiosk app whose feed request,
 * cut off when the preview was left, never got a finished or failed event).
 */
function fromPage(page: Page, r: Request): boolean {
  try {
    return r.frame() === page.mainFrame()
  } catch {
    return false // a service worker's request has no frame
  }
}

export async function networkQuiet(page: Page, { quietMs = 500, timeoutMs = 15_000 } = {}): Promise<void> {
  const inFlight = tracked.get(page)
  if (!inFlight) throw new Error('networkQuiet: trackRequests(page) was not called')
  const deadline = Date.now() + timeoutMs
  let quietSince = inFlight.size ? Infinity : Date.now()
  for (;;) {
    if (inFlight.size) quietSince = Infinity
    else if (quietSince === Infinity) quietSince = Date.now()
    if (Date.now() - quietSince >= quietMs) return
    if (Date.now() > deadline) throw new Error(`network not quiet after ${timeoutMs} ms: ${[...inFlight].map((r) => r.url()).join(', ')}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
