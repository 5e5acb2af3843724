/**
 * guardNotice skips the copy when nothing in a notice can hold a number it
 * masks: that shortcut must never skip a notice where one is hiding, in any
 * field it guards.
 */
import { describe, expect, it } from 'vitest'
import { guardNotice } from '../../../src/privacy/guard'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import type { Notice } from '../../../src/feed/types'
import { generateFeed } from '../../../bench/lib/feedGen.mjs'

function notices(): Notice[] {
  const r = validateFeed(generateFeed({ items: 50 }))
  if (!r.ok) throw new Error('fixture invalid')
  return normalizeFeed(r.feed, 'https://town.example/feed.json', 's').notices
}

const MOBILE = '13800138000'
/** each way a number can sit in a notice, and the field guardNotice names for it */
const PLANTS: [field: string, plant: (n: Notice) => void][] = [
  ['title', (n) => (n.title += MOBILE)],
  ['summary', (n) => (n.summary = `电话 ${MOBILE}`)],
  ['text', (n) => (n.text = `卡号 6217 0000 0000 0006`)],
  ['html', (n) => (n.html = `<p title="联系${MOBILE}">见下</p>`)],
  ['html', (n) => (n.html = `<p>电话<b>${MOBILE}</b></p>`)],
  ['table.caption', (n) => (n.table = { kind: 'plain', caption: `联系${MOBILE}`, unit: '', columns: ['a'], rows: [] })],
  ['table.columns[0]', (n) => (n.table = { kind: 'plain', caption: '', unit: '', columns: [MOBILE], rows: [] })],
  ['table[0][0]', (n) => (n.table = { kind: 'plain', caption: '', unit: '', columns: ['a'], rows: [{ kind: 'data', cells: [MOBILE] }] })],
  ['table[0][0]', (n) => (n.table = { kind: 'plain', caption: '', unit: '', columns: ['a'], rows: [{ kind: 'data', cells: [13800138000] }] })],
  ['attachments[0].title', (n) => (n.attachments = [{ url: 'https://x/a.pdf', mimeType: 'application/pdf', title: `名单${MOBILE}` }])],
]

describe('guardNotice shortcut', () => {
  it('returns a notice with nothing to mask as it is, without findings', () => {
    for (const n of notices()) {
      const r = guardNotice(n)
      expect(r.findings).toEqual([])
      expect(r.notice).toBe(n)
    }
  })

  it.each(PLANTS)('still finds a number planted in %s', (field, plant) => {
    const n = structuredClone(notices()[5]!)
    plant(n)
    const before = JSON.stringify(n)
    const r = guardNotice(n)
    expect(r.findings.map((f) => f.field)).toContain(field)
    expect(r.notice).not.toBe(n)
    expect(JSON.stringify(r.notice)).not.toContain(MOBILE)
    expect(JSON.stringify(n)).toBe(before)
  })
})
