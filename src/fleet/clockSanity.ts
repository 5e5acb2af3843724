/**
 * 公示 windows and the compliance clock run on the device clock. A kiosk whose
 * clock is behind the time its content was generated is obviously wrong (a
 * flat CMOS battery resets it to years ago): #/status and the clerk screen say so.
 */

/** a township server's clock may be a little ahead: only more than this counts */
export const CLOCK_TOLERANCE_MS = 60 * 60_000

export interface ClockCheck {
  wrong: boolean
  /** the newest generated_at among the live revisions */
  newestGeneratedAt: string | null
  /** how far the device clock is behind it, ms (0 when not behind) */
  behindMs: number
}

export function checkClock(now: Date, generatedAt: ReadonlyArray<string | null | undefined>, toleranceMs = CLOCK_TOLERANCE_MS): ClockCheck {
  let newest: string | null = null
  let newestMs = -Infinity
  for (const g of generatedAt) {
    const ms = g ? Date.parse(g) : NaN
    if (Number.isFinite(ms) && ms > newestMs) {
      newestMs = ms
      newest = g!
    }
  }
  const behindMs = newest ? Math.max(0, newestMs - now.getTime()) : 0
  return { wrong: behindMs > toleranceMs, newestGeneratedAt: newest, behindMs }
}
