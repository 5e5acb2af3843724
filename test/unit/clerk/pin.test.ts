import { describe, expect, it } from 'vitest'
import { PIN_ITERATIONS, hashPin, parsePinHash, pinHashInForce, verifyPin, isWellFormedPin } from '../../../src/clerk/pin'
import { LOCK_MS, MAX_WRONG_PINS, UNLOCKED, afterWrongPin, attemptsLeft, isLocked, lockSecondsLeft, restoreLockState, strictest } from '../../../src/clerk/lockout'

describe('PIN hash', () => {
  it('stores pbkdf2-sha256$iterations$salt$hash with at least 200,000 iterations and a random salt', async () => {
    const a = await hashPin('2468')
    const b = await hashPin('2468')
    expect(a).toMatch(/^pbkdf2-sha256\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    const parsed = parsePinHash(a)!
    expect(parsed.iterations).toBeGreaterThanOrEqual(200_000)
    expect(parsed.iterations).toBe(PIN_ITERATIONS)
    expect(parsed.salt.length).toBe(16)
    expect(a).not.toBe(b) // salted
    expect(a).not.toContain('2468')
  })

  it('accepts the right PIN and refuses a wrong one', async () => {
    const h = await hashPin('13579')
    expect(await verifyPin('13579', h)).toBe(true)
    expect(await verifyPin('13578', h)).toBe(false)
    expect(await verifyPin('', h)).toBe(false)
  })

  it('verifies a hash provisioned with more iterations and a fixed salt (config clerkPinHash)', async () => {
    const h = await hashPin('0000', { iterations: 210_000, salt: new Uint8Array(16).fill(7) })
    expect(h.startsWith('pbkdf2-sha256$210000$BwcHBwcHBwcHBwcHBwcHBw==$')).toBe(true)
    expect(await verifyPin('0000', h)).toBe(true)
  })

  it('refuses malformed or weak hashes', async () => {
    for (const bad of ['', 'x', 'sha1$200000$AAAA$AAAA', 'pbkdf2-sha256$1000$BwcHBwcHBwcHBwcHBwcHBw==$' + 'A'.repeat(44), 'pbkdf2-sha256$200000$!!$AAAA']) {
      expect(parsePinHash(bad)).toBeNull()
      expect(await verifyPin('1234', bad)).toBe(false)
    }
  })

  it('uses the provisioned hash over one set on the kiosk, and ignores malformed ones', async () => {
    const township = await hashPin('1111', { iterations: 200_000 })
    const kiosk = await hashPin('2222', { iterations: 200_000 })
    expect(pinHashInForce(township, kiosk)).toBe(township)
    expect(pinHashInForce(undefined, kiosk)).toBe(kiosk)
    expect(pinHashInForce('pbkdf2-sha256$10$AAAA$AAAA', kiosk)).toBe(kiosk)
    expect(pinHashInForce(undefined, undefined)).toBeNull()
    expect(pinHashInForce('garbage', 'garbage')).toBeNull()
  })

  it('takes 6 to 8 digits only for a new PIN (issue 18: 4 digits fall in minutes offline)', () => {
    expect(isWellFormedPin('123456')).toBe(true)
    expect(isWellFormedPin('12345678')).toBe(true)
    expect(isWellFormedPin('1234')).toBe(false)
    expect(isWellFormedPin('12345')).toBe(false)
    expect(isWellFormedPin('123')).toBe(false)
    expect(isWellFormedPin('123456789')).toBe(false)
    expect(isWellFormedPin('12a4')).toBe(false)
  })
})

describe('wrong-PIN lockout', () => {
  const t0 = 1_800_000_000_000

  it.each([
    // the lock is kept in two records: deleting either (restoreLockState(undefined)) leaves the other in force
    ['clerk.lock deleted', undefined, { failures: 0, lockedUntil: t0 + LOCK_MS }],
    ['the PIN record deleted', { failures: 0, lockedUntil: t0 + LOCK_MS }, undefined],
    ['both present, different counts', { failures: 3, lockedUntil: null }, { failures: 1, lockedUntil: t0 + LOCK_MS }],
  ])('deleting one record does not unlock: %s', (_n, a, b) => {
    const s = strictest(restoreLockState(a), restoreLockState(b))
    expect(isLocked(s, t0 + 1)).toBe(true)
  })

  it('the stricter count survives too', () => {
    expect(strictest(restoreLockState({ failures: 3, lockedUntil: null }), UNLOCKED)).toEqual({ failures: 3, lockedUntil: null })
    expect(strictest(UNLOCKED, UNLOCKED)).toEqual(UNLOCKED)
  })

  it('locks for 5 minutes at the fifth wrong PIN, not before', () => {
    let s = UNLOCKED
    for (let i = 1; i < MAX_WRONG_PINS; i++) {
      s = afterWrongPin(s, t0 + i)
      expect(isLocked(s, t0 + i)).toBe(false)
      expect(attemptsLeft(s)).toBe(MAX_WRONG_PINS - i)
    }
    s = afterWrongPin(s, t0 + 10)
    expect(isLocked(s, t0 + 10)).toBe(true)
    expect(LOCK_MS).toBe(300_000)
    expect(lockSecondsLeft(s, t0 + 10)).toBe(300)
    expect(isLocked(s, t0 + 10 + LOCK_MS - 1)).toBe(true)
    expect(isLocked(s, t0 + 10 + LOCK_MS)).toBe(false)
  })

  it('does not extend the lock on tries made while locked', () => {
    let s = UNLOCKED
    for (let i = 0; i < 5; i++) s = afterWrongPin(s, t0)
    const until = s.lockedUntil
    s = afterWrongPin(s, t0 + 60_000)
    expect(s.lockedUntil).toBe(until)
  })

  it('survives a reload: the state is plain data read back from storage', () => {
    let s = UNLOCKED
    for (let i = 0; i < 5; i++) s = afterWrongPin(s, t0)
    const restored = restoreLockState(JSON.parse(JSON.stringify(s)))
    expect(isLocked(restored, t0 + 1000)).toBe(true)
    expect(restoreLockState({ failures: 3, lockedUntil: null }).failures).toBe(3)
  })

  it('treats missing or malformed stored state as unlocked', () => {
    for (const raw of [undefined, null, 'x', { failures: -1 }, { failures: 'a', lockedUntil: 'b' }]) {
      const s = restoreLockState(raw)
      expect(isLocked(s, t0)).toBe(false)
      expect(s.failures).toBe(0)
    }
  })
})
