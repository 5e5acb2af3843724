/** An AbortSignal that aborts after ms: AbortSignal.timeout where the browser has it (Chromium 103+), else a timer. */
export function timeoutSignal(ms: number): AbortSignal {
  if (typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(ms)
  const ctrl = new AbortController()
  setTimeout(() => ctrl.abort(new DOMException('timed out', 'TimeoutError')), ms)
  return ctrl.signal
}
