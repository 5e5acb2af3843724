/**
 * Paint detected inside the page, not by polling from the driver: a
 * MutationObserver sees the element appear (optionally holding a text), then
 * the next animation frame, then a task — just after that frame is produced.
 * The page resolves with its own clock (`at`, ms since navigation) and the
 * wall clock (`epoch`), which the bench's server uses too.
 */

/** Defines `self.__benchPaint(selector, text?)` in every page (an init script). */
export const PAINT_SCRIPT = `(() => {
  self.__benchPaint = (sel, text) => new Promise((resolve) => {
    const hit = () => {
      for (const e of document.querySelectorAll(sel)) if (!text || (e.textContent || '').includes(text)) return true
      return false
    }
    const done = () => requestAnimationFrame(() => setTimeout(() => resolve({ at: performance.now(), epoch: Date.now() })))
    if (hit()) return done()
    const obs = new MutationObserver(() => {
      if (!hit()) return
      obs.disconnect()
      done()
    })
    obs.observe(document, { childList: true, subtree: true, characterData: true })
  })
})()`

/**
 * An init script that starts watching for `selector` before any of the page's
 * own scripts run and keeps the result in `self.__benchPainted` (cold start).
 * Any element that matches counts: the kiosk's boot snapshot (src/boot/snapshot.ts)
 * is real DOM with the same markup, painted, so its frame is the first content.
 * `liveSelector` (optional) is watched the same way into `self.__benchLive`: the
 * app's own content (the kiosk's `#app …`, never the snapshot's layer), i.e. the
 * app live and answering touches.
 */
export function paintOnLoadScript(selector, text = '', liveSelector = '') {
  const live = liveSelector ? `self.__benchPaint(${JSON.stringify(liveSelector)}, ${JSON.stringify(text)}).then((p) => (self.__benchLive = p));` : ''
  return `${PAINT_SCRIPT};(() => { self.__benchPainted = null; self.__benchLive = null; self.__benchPaint(${JSON.stringify(selector)}, ${JSON.stringify(text)}).then((p) => (self.__benchPainted = p)); ${live} })()`
}

/** Waits for the result of paintOnLoadScript (the driver only reads it; the time was taken in the page). */
export async function paintedOnLoad(page, timeout = 120_000) {
  const h = await page.waitForFunction(() => self.__benchPainted, null, { timeout, polling: 50 })
  return h.jsonValue()
}

/** Waits for the `liveSelector` result of paintOnLoadScript. */
export async function liveOnLoad(page, timeout = 120_000) {
  const h = await page.waitForFunction(() => self.__benchLive, null, { timeout, polling: 50 })
  return h.jsonValue()
}
