import { describe, expect, it } from 'vitest'
import { cappedBytes, declaredLength, declaredOver } from '../../../src/sync/cappedBytes'

const b = (...xs: number[]) => new Uint8Array(xs)

describe('the byte cap both body readers share', () => {
  it('joins the chunks of a body under the cap', () => {
    const c = cappedBytes(5)
    expect(c.add(b(1, 2))).toBe('ok')
    expect(c.add(b(3))).toBe('ok')
    expect([...c.bytes()]).toEqual([1, 2, 3])
    expect(c.short()).toBe(false)
  })

  it('refuses once the running total passes the cap, before keeping the chunk', () => {
    const c = cappedBytes(3)
    expect(c.add(b(1, 2))).toBe('ok')
    expect(c.add(b(3, 4))).toBe('too_large')
    expect(c.total).toBe(4)
  })

  it('a body shorter than it declared is a part, not the body', () => {
    const c = cappedBytes(10, declaredLength('6'))
    c.add(b(1, 2, 3))
    expect(c.short()).toBe(true)
  })

  it('a declared length over the cap is refused before reading; no length is no claim', () => {
    expect(declaredOver(declaredLength('11'), 10)).toBe(true)
    expect(declaredOver(declaredLength('10'), 10)).toBe(false)
    expect(declaredOver(declaredLength(null), 10)).toBe(false)
    expect(declaredOver(declaredLength(undefined), 10)).toBe(false)
  })
})
