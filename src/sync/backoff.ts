/**
 * When to try again. Success waits the poll interval; failures retry soon, then
 * back off exponentially with "equal jitter" so a hall full of kiosks does not
 * hit the township's server in step after an outage.
 */
export interface BackoffOptions {
  pollMs: number
  baseMs?: number
  maxMs?: number
  random?: () => number
}

export function nextDelay(consecutiveFailures: number, o: BackoffOptions): number {
  if (consecutiveFailures <= 0) return o.pollMs
  const base = o.baseMs ?? 15_000
  const max = Math.max(o.maxMs ?? 30 * 60_000, base)
  const ceiling = Math.min(max, base * 2 ** Math.min(consecutiveFailures - 1, 20))
  const r = (o.random ?? Math.random)()
  return Math.round(ceiling / 2 + (ceiling / 2) * r)
}
