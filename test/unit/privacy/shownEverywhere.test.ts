// @vitest-environment jsdom
/**
 * Issue 18 §3: a valid ID number is masked wherever a feed puts it on screen
 * and however it is split — zero-width space or non-joiner, soft hyphen, an
 * empty tag, <wbr>, an entity for one digit — checked on what a reader sees
 * (the stored content rendered the way the kiosk renders it).
 */
import { describe, expect, it } from 'vitest'
import { guardFeedContent } from '../../../src/sync/guardContent'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import { sanitizeHtml } from '../../../src/render/sanitize'
import { renderMarkdown } from '../../../src/render/markdown'
import { guardHtml, scanText } from '../../../src/privacy'
import { baseFeed, type Json } from '../../support/feeds'

const ID = '11010519491231002X'
const MASKED = '110105********002X'

/** the 14 placements of the attack report, each a way to put ID on screen */
const PLACEMENTS: [string, (f: Json) => void][] = [
  ['category title', (f) => (f._gongkai.categories[0].title = `党务 ${ID}`)],
  ['village name', (f) => (f._gongkai.village.name = `青石村${ID}`)],
  ['handbook title', (f) => (f._gongkai.handbook.title = `手册 ${ID}`)],
  ['chapter title', (f) => (f._gongkai.handbook.chapters[0].title = `总则 ${ID}`)],
  ['checklist channel', (f) => (f._gongkai.checklist[0].channels = [`联系 ${ID}`])],
  ['table unit', (f) => (f.items[1]._gongkai.table.unit = `元 ${ID}`)],
  ['title, zero-width space', (f) => (f.items[0].title = `名单 110105\u200B19491231002X`)],
  ['summary, zero-width non-joiner', (f) => (f.items[0].summary = `110105\u200C19491231002X`)],
  ['text, soft hyphen', (f) => (f.items[0].content_text = `身份证 1101\u00AD0519491231002X`)],
  ['html, empty tag', (f) => (f.items[1].content_html = `<p>110105<span></span>19491231002X</p>`)],
  ['html, <wbr>', (f) => (f.items[1].content_html = `<p>110105<wbr>1949<wbr>1231002X</p>`)],
  ['html, an entity for one digit', (f) => (f.items[1].content_html = `<p>&#49;10105194912310&#x30;2X</p>`)],
  ['markdown, entity and emphasis', (f) => (f._gongkai.handbook.chapters[0].content_markdown = `号码 110105**1949**1231&#48;02X`)],
  ['table cell, zero-width space', (f) => (f.items[1]._gongkai.table.rows[0].cells[0] = `110105\u200B19491231002X`)],
]

/** every string the kiosk would show, rendered, as one text with invisible characters removed */
function shownText(f: Json): string {
  const r = validateFeed(f)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  const { content } = guardFeedContent(normalizeFeed(r.feed, 'https://township.example/feeds/v.json', 'v'))
  const div = document.createElement('div')
  const html = [
    ...content.notices.map((n) => (n.html ? sanitizeHtml(n.html) : '')),
    ...(content.handbook?.chapters ?? []).map((c) => renderMarkdown(c.markdown)),
  ].join('\n')
  div.innerHTML = html
  const plain = JSON.stringify({ ...content, notices: content.notices.map((n) => ({ ...n, html: undefined })), handbook: content.handbook && { ...content.handbook, chapters: content.handbook.chapters.map((c) => ({ ...c, markdown: undefined })) } })
  return (plain + (div.textContent ?? '')).replace(/[\u00AD\u200B-\u200F\u2060\uFEFF]/g, '')
}

describe('the privacy guard sees what a reader sees (issue 18 §3)', () => {
  for (const [where, put] of PLACEMENTS) {
    it(`masks an ID number in the ${where}`, () => {
      const f = baseFeed(6)
      put(f)
      const text = shownText(f)
      expect(text).not.toContain(ID)
      expect(text).not.toContain(ID.slice(6, 14)) // the birth date
      expect(text).toContain(MASKED)
    })
  }

  it('keeps markup balanced around a masked number', () => {
    expect(guardHtml(`<p><b>110105</b>19491231002X 户主</p>`).html).toBe(`<p><b>${MASKED}</b> 户主</p>`)
    expect(guardHtml(`<p>110105<b>19491231</b>002X</p>`).html).toBe(`<p>${MASKED}<b></b></p>`)
  })

  it('strips bidi controls and zero-width characters from shown text (issue 18 §12)', () => {
    expect(scanText('公示\u202Egnp.exe\u202C 名单\u200B').text).toBe('公示gnp.exe 名单')
    expect(guardHtml('<p>a&#x202E;b&shy;c\u2066d</p>').html).toBe('<p>abcd</p>')
  })
})
