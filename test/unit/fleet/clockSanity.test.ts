import { describe, expect, it } from 'vitest'
import { checkClock } from '../../../src/fleet/clockSanity'

describe('clock sanity', () => {
  const generated = '2026-11-27T08:00:00+08:00'
  it('a clock reset to years ago is wrong', () => {
    const c = checkClock(new Date('2000-01-01T00:00:00Z'), [generated])
    expect(c.wrong).toBe(true)
    expect(c.newestGeneratedAt).toBe(generated)
  })
  it('a clock after the content was generated is fine', () => {
    expect(checkClock(new Date('2026-11-27T03:00:00Z'), [generated]).wrong).toBe(false)
  })
  it('a township server a few minutes ahead does not raise the alarm', () => {
    expect(checkClock(new Date('2026-11-26T23:50:00Z'), [generated]).wrong).toBe(false)
  })
  it('compares with the newest of several villages and ignores missing dates', () => {
    const c = checkClock(new Date('2026-11-20T00:00:00Z'), [null, '2026-11-01T00:00:00Z', generated, 'garbage'])
    expect(c.newestGeneratedAt).toBe(generated)
    expect(c.wrong).toBe(true)
  })
  it('without content nothing can be said', () => {
    expect(checkClock(new Date('2000-01-01T00:00:00Z'), []).wrong).toBe(false)
  })
})
