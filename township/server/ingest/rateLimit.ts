/**
 * Per-kiosk rate limit: a token bucket in this process (burst, then a steady
 * refill). A kiosk back online flushes its queue (up to a day of heartbeats)
 * at once, so the burst is generous; a runaway or hostile client gets 429.
 */
import { ApiError } from '../errors'
import { msg } from '../../../src/i18n/message'

export interface Bucket {
  take(key: string): void
}

export function tokenBucket(burst: number, perMinute: number, now: () => number = Date.now): Bucket {
  const state = new Map<string, { tokens: number; at: number }>()
  return {
    take(key) {
      const t = now()
      const s = state.get(key) ?? { tokens: burst, at: t }
      s.tokens = Math.min(burst, s.tokens + ((t - s.at) / 60_000) * perMinute)
      s.at = t
      if (s.tokens < 1) {
        const wait = Math.ceil(((1 - s.tokens) / perMinute) * 60)
        state.set(key, s)
        throw new ApiError(429, 'rate.limited', msg('api.rate_limited'), { retryAfterSeconds: wait }, { 'Retry-After': String(wait) })
      }
      s.tokens -= 1
      state.set(key, s)
      if (state.size > 50_000) state.clear()
    },
  }
}
