/**
 * Runs `cb` when the kiosk is next idle, and at the latest after `timeoutMs`
 * (which says how soon the work is wanted). Every kiosk browser has
 * requestIdleCallback; engines without it (jsdom) take one fixed delay as
 * an idle period, long enough not to crowd the first screen.
 */
const NO_IDLE_CALLBACK_DELAY_MS = 3000

export function whenIdle(cb: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => cb(), { timeout: timeoutMs })
  else setTimeout(cb, NO_IDLE_CALLBACK_DELAY_MS)
}
