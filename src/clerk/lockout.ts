/**
 * Wrong-PIN lockout: 5 wrong PINs in a row lock clerk mode for 5 minutes.
 * The state is plain data kept in kv, so a reload does not reset the count or the lock.
 */
export const MAX_WRONG_PINS = 5
export const LOCK_MS = 5 * 60_000

export interface LockState {
  /** wrong PINs since the last right one or the last lock */
  failures: number
  /** epoch ms until which PIN entry is refused; null when not locked */
  lockedUntil: number | null
}

export const UNLOCKED: LockState = { failures: 0, lockedUntil: null }

export function isLocked(s: LockState, now: number): boolean {
  return s.lockedUntil !== null && now < s.lockedUntil
}

export function lockSecondsLeft(s: LockState, now: number): number {
  return isLocked(s, now) ? Math.ceil((s.lockedUntil! - now) / 1000) : 0
}

/** After a wrong PIN: the fifth locks and starts the count again. */
export function afterWrongPin(s: LockState, now: number): LockState {
  if (isLocked(s, now)) return s
  const failures = s.failures + 1
  return failures >= MAX_WRONG_PINS ? { failures: 0, lockedUntil: now + LOCK_MS } : { failures, lockedUntil: null }
}

export function attemptsLeft(s: LockState): number {
  return MAX_WRONG_PINS - s.failures
}

/**
 * The stricter of two copies of the lock state. The state is written in two
 * records (kv clerk.lock and the PIN record the check needs, clerk.pin), so
 * deleting one of them does not unlock (issue 18 item 8).
 */
export function strictest(a: LockState, b: LockState): LockState {
  const until = Math.max(a.lockedUntil ?? -Infinity, b.lockedUntil ?? -Infinity)
  return { failures: Math.max(a.failures, b.failures), lockedUntil: Number.isFinite(until) ? until : null }
}

/** Reads whatever kv held; anything malformed counts as unlocked with no failures. */
export function restoreLockState(raw: unknown): LockState {
  if (!raw || typeof raw !== 'object') return UNLOCKED
  const r = raw as Partial<LockState>
  const failures = Number.isInteger(r.failures) && r.failures! >= 0 ? Math.min(r.failures!, MAX_WRONG_PINS - 1) : 0
  const lockedUntil = typeof r.lockedUntil === 'number' && Number.isFinite(r.lockedUntil) ? r.lockedUntil : null
  return { failures, lockedUntil }
}
