import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseFeedText } from '../../../src/feed/validate'
import { normalizeFeed } from '../../../src/feed/normalize'
import { guardNotice, scanText } from '../../../src/privacy/guard'

/**
 * Real-looking notices are full of dates, amounts, document numbers and
 * landlines, and the demo village publishes IDs only masked: the guard must
 * change nothing in them (and so must not disturb what the township sends).
 */
const parsed = parseFeedText(readFileSync(new URL('../../../demo/feed.source.json', import.meta.url), 'utf8'))
if (!parsed.ok) throw new Error('demo feed does not validate')
const content = normalizeFeed(parsed.feed, 'https://example.gov.cn/feed.json')

describe('privacy guard on the demo feed', () => {
  it('leaves every notice and handbook chapter unchanged', () => {
    const digitRuns = JSON.stringify(content.notices).match(/\d{4,}/g) ?? []
    expect(digitRuns.length).toBeGreaterThan(50) // the notices really are full of numbers
    for (const n of content.notices) {
      const g = guardNotice(n)
      expect(g.findings, n.id).toEqual([])
      expect(g.notice).toEqual(n)
    }
    for (const ch of content.handbook?.chapters ?? []) expect(scanText(ch.markdown).findings, ch.id).toEqual([])
  })
})
