/**
 * Waits until a page has had no request in flight for `quietMs`: what the console's pages need before they are
 * checked (every fetch answered, any error box shown). Playwright's `waitForLoadState('networkidle')` did this
 * from the frame's lifecycle and once in CI never fired again after a same-document navigation (10 s timeout
 * on an idle page); counting the page's own requests has no such state to lose.
 */
import type { Page, Request } from 'playwright-core'

const tracked = new WeakMap<Page, Set<Request>>()

/** Starts counting a page's requests; call it when the page is made, before it navigates. */
export function trackRequests(page: Page): void {
  const inFlight = new Set<Request>()
  tracked.set(page, inFlight)
  page.on('request', (r) => inFlight.add(r))
  // answered once its response came: a request a navigation cut off after that gets neither of the other two events
  page.on('response', (r) => inFlight.delete(r.request()))
  page.on('requestfinished', (r) => inFlight.delete(r))
  page.on('requestfailed', (r) => inFlight.delete(r))
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
