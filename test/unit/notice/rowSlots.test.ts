import { describe, expect, it } from 'vitest'
import { RowSlots } from '../../../src/components/notice/rowSlots'

describe('RowSlots: recycled row keys while a virtual list scrolls', () => {
  it('gives distinct keys to the rows in view', () => {
    const keys = new RowSlots().assign([0, 1, 2, 3])
    expect(new Set(keys).size).toBe(4)
  })

  it('keeps the key of a row that stays in view, and hands the key of a row that left to the one that came in', () => {
    const slots = new RowSlots()
    const [k0, k1, k2, k3] = slots.assign([0, 1, 2, 3])
    const next = slots.assign([1, 2, 3, 4])
    expect(next.slice(0, 3)).toEqual([k1, k2, k3])
    expect(next[3]).toBe(k0)
  })

  it('never gives one key to two rows, however far the list jumps or however many rows come into view', () => {
    const slots = new RowSlots()
    for (const view of [[0, 1, 2], [1, 2, 3, 4, 5], [500, 501], [2, 3, 4, 5, 6, 7, 8], [7, 8], [9, 10, 11, 12, 13, 14]]) {
      const keys = slots.assign(view)
      expect(new Set(keys).size).toBe(view.length)
      // keys stay few: no more than the most rows ever in view
      expect(Math.max(...keys)).toBeLessThan(7)
    }
  })
})
