import { describe, expect, it } from 'vitest'
import { feedBytes, generateFeed } from '../../../bench/lib/feedGen.mjs'
import { parseFeedText } from '../../../src/feed/validate'

describe('benchmark feed generator', () => {
  it('makes a valid gongkai feed that the kiosk accepts, with tables and open and closed notices', () => {
    const now = Date.UTC(2026, 10, 27)
    const parsed = parseFeedText(feedBytes({ items: 300, now }).toString('utf8'))
    expect(parsed.ok && parsed.warnings).toEqual([])
    const feed = generateFeed({ items: 300, now })
    const ext = feed.items.map((i) => i._gongkai as { table?: unknown; expires: string })
    expect(ext.filter((e) => e.table).length).toBe(60)
    const open = ext.filter((e) => Date.parse(e.expires) > now).length
    expect(open).toBe(100)
  })

  it('gives the same bytes for the same seed and anchor, other bytes for another seed', () => {
    const a = feedBytes({ items: 200, seed: 7 })
    expect(feedBytes({ items: 200, seed: 7 }).equals(a)).toBe(true)
    expect(feedBytes({ items: 200, seed: 8 }).equals(a)).toBe(false)
  })

  it('is about 5 MB for 10,000 notices, as the apply benchmark states', () => {
    const mb = feedBytes({ items: 10_000 }).length / 1e6
    expect(mb).toBeGreaterThan(4.5)
    expect(mb).toBeLessThan(6.5)
  })
})
