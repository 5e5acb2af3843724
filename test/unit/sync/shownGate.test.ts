/**
 * The sync worker builds a revision's search index only once the page has shown that revision (issue 19 item 3:
 * on two cores the index build slowed the new board's paint), and never waits longer than its limit for a page
 * that does not say so.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { shownGate } from '../../../src/sync/shownGate'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

/** whether the promise has settled by now */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false
  void p.then(() => (done = true))
  await vi.advanceTimersByTimeAsync(0)
  return done
}

describe('the index waits for the page to have shown the revision', () => {
  it('goes on when the page says it showed that revision, not another', async () => {
    const gate = shownGate(3000)
    const wait = gate.untilShown('town', 8)
    expect(await settled(wait)).toBe(false)
    gate.shown('town', 7)
    gate.shown('village', 8)
    expect(await settled(wait)).toBe(false)
    gate.shown('town', 8)
    expect(await settled(wait)).toBe(true)
  })

  it('goes on after its limit when the page never says so', async () => {
    const wait = shownGate(3000).untilShown('town', 8)
    await vi.advanceTimersByTimeAsync(2999)
    expect(await settled(wait)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await settled(wait)).toBe(true)
  })

  it('lets an older wait go when the source hands over a newer revision', async () => {
    const gate = shownGate(3000)
    const older = gate.untilShown('town', 8)
    const newer = gate.untilShown('town', 9)
    expect(await settled(older)).toBe(true)
    expect(await settled(newer)).toBe(false)
    gate.shown('town', 8)
    expect(await settled(newer)).toBe(false)
    gate.shown('town', 9)
    expect(await settled(newer)).toBe(true)
  })
})
