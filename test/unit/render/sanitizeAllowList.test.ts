// @vitest-environment jsdom
/**
 * Issue 18 §1: the sanitiser is an allow-list. Every URL-bearing attribute of
 * HTML, SVG and MathML, on every element a notice may carry and on the ones it
 * may not (area, map, body, table, video …), is gone after sanitising; only a
 * link's web address survives as data-href (a QR offer) and an image's as
 * data-src (a stored file).
 */
import { describe, expect, it } from 'vitest'
import { NOTICE_TAGS, sanitizeHtml } from '../../../src/render/sanitize'
import { URL_ATTRIBUTES } from '../../../src/render/urlAttributes'

const HOSTILE_TAGS = ['area', 'map', 'body', 'table', 'td', 'video', 'audio', 'source', 'track', 'input', 'button', 'form', 'object', 'embed', 'applet', 'base', 'link', 'meta', 'bgsound', 'layer', 'ilayer', 'frameset', 'html', 'head', 'blockquote', 'q', 'del', 'ins', 'img', 'a', 'svg', 'image', 'use', 'math', 'portal', 'iframe']
const EVIL = 'https://evil.example/x'

function attrsOf(html: string): string[] {
  const root = document.createElement('div')
  root.innerHTML = html
  return [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${el.tagName.toLowerCase()}[${a.name}=${a.value}]`))
}

describe('sanitiser by allow-list (issue 18 §1)', () => {
  for (const attr of URL_ATTRIBUTES) {
    it(`strips ${attr} from every element`, () => {
      for (const tag of [...new Set([...NOTICE_TAGS, ...HOSTILE_TAGS])]) {
        const html = `<${tag} ${attr}="${EVIL}">文字</${tag}>`
        const out = sanitizeHtml(html)
        const left = attrsOf(out).filter((a) => a.includes('evil.example') && !/^a\[data-href=|^img\[data-src=/.test(a))
        expect(left, `${html} → ${out}`).toEqual([])
        expect(out, html).not.toMatch(new RegExp(`\\s${attr.replace(':', '\\:')}=`, 'i'))
      }
    })
  }

  it('an image map over a picture cannot take the kiosk away: map and area are gone', () => {
    const out = sanitizeHtml(`<img src="p.png" usemap="#m"><map name="m"><area shape="rect" coords="0,0,100,100" href="${EVIL}"></map>`)
    expect(out).not.toMatch(/<area|<map|usemap|href=/i)
    expect(out).toContain('data-src="p.png"')
  })

  it('background on a table or a cell is gone', () => {
    expect(sanitizeHtml(`<table background="${EVIL}"><tr><td background="${EVIL}">1</td></tr></table>`)).not.toContain('evil.example')
  })

  it('a link keeps its web address only as a QR offer; javascript: and data: are dropped', () => {
    expect(sanitizeHtml(`<a href="${EVIL}">看</a>`)).toBe(`<a data-href="${EVIL}" role="link">看</a>`)
    expect(sanitizeHtml('<a href="javascript:alert(1)">x</a>')).toBe('<a role="link">x</a>')
    expect(sanitizeHtml('<img src="data:image/png;base64,AAAA">')).toBe('<img>')
  })

  it('what a notice needs survives: headings, lists, tables, emphasis', () => {
    const html = '<h2>标题</h2><p><strong>重要</strong>内容</p><ul><li>一</li></ul><table><tbody><tr><td colspan="2">1</td></tr></tbody></table>'
    expect(sanitizeHtml(html)).toBe(html)
  })
})
