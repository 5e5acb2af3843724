/**
 * The moment the app is live: its first screen has rendered its own content, so it answers touches. The boot
 * snapshot (src/boot/snapshot.ts) painted before it is removed here, in the task that rendered that content,
 * so the browser's next frame shows the app's content where the snapshot's was: no frame without either.
 * `performance.mark('gongkai:app-live')` is what bench/coldStart.mjs reports as "time to app live".
 */
export const SNAPSHOT_ID = 'boot-snapshot'
/** on <html> once the app is live: a boot read that answers later paints nothing */
export const APP_LIVE_ATTR = 'data-app-live'
/** a snapshot is never left over an app that did not start (boot-guard.js reloads such an app after 30 s) */
export const SNAPSHOT_MAX_MS = 8000
export const APP_LIVE_MARK = 'gongkai:app-live'

export function appLive(): void {
  if (typeof document === 'undefined' || document.documentElement.hasAttribute(APP_LIVE_ATTR)) return
  document.documentElement.setAttribute(APP_LIVE_ATTR, '')
  document.getElementById(SNAPSHOT_ID)?.remove()
  if (typeof performance !== 'undefined') performance.mark(APP_LIVE_MARK)
}
