/** The demo feed's text is written from the same dates as its fields (issue 17): moved together, never disagreeing. */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { shiftFeed } from '../../scripts/demo-feed.mjs'

const root = join(__dirname, '../..')
const source = JSON.parse(readFileSync(join(root, 'demo/feed.source.json'), 'utf8'))
const md = (iso: string) => {
  const [, m, d] = iso.slice(0, 10).split('-').map(Number)
  return `${m}月${d}日`
}
const text = (item: Record<string, unknown>) => ['content_text', 'content_html', 'summary'].map((f) => (typeof item[f] === 'string' ? item[f] : '')).join('\n')

describe('demo feed dates', () => {
  it.each([5, 40])('moved by %i days, the 低保 公示 says the window its fields say', (days) => {
    const item = shiftFeed(source, days).items.find((i: { id: string }) => i.id === 'N2026-115')
    // a day moved into the next year says its year
    expect(text(item)).toMatch(new RegExp(`(\\d{4}年)?${md(item.date_published)}至(\\d{4}年)?${md(item._gongkai.expires)}`))
  })

  it('every day a notice names from its own published or expires date moves with it', () => {
    const moved = shiftFeed(source, 12)
    source.items.forEach((before: Record<string, any>, i: number) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const after = moved.items[i]
      for (const [from, to] of [[before.date_published, after.date_published], [before._gongkai?.expires, after._gongkai?.expires]]) {
        if (!from || !text(before).includes(md(from))) continue
        expect(text(after), `${before.id} ${from}`).toContain(md(to))
      }
    })
  })
})
