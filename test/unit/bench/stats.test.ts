import { describe, expect, it } from 'vitest'
import { max, median, quantile, round } from '../../../bench/lib/stats.mjs'

describe('bench statistics', () => {
  it('takes the nearest-rank quantile, so a p95 of few samples is never below a real sample', () => {
    const ten = [5, 1, 9, 3, 7, 2, 8, 4, 10, 6]
    expect(quantile(ten, 0.95)).toBe(10)
    expect(quantile([...ten, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 0.95)).toBe(19)
    expect(median(ten)).toBe(5)
    expect(median([4, 1, 3])).toBe(3)
  })

  it('leaves its input unsorted and copes with no samples', () => {
    const xs = [3, 1, 2]
    quantile(xs, 0.5)
    expect(xs).toEqual([3, 1, 2])
    expect(quantile([], 0.95)).toBeNaN()
    expect(max([])).toBe(0)
    expect(max([2, 9, 4])).toBe(9)
  })

  it('rounds finite numbers and passes anything else through', () => {
    expect(round(1.26)).toBe(1.3)
    expect(round(1.2345, 2)).toBe(1.23)
    expect(round(NaN)).toBeNaN()
  })
})
