// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { nestHeadings, sanitizeHtml } from '../../../src/render/sanitize'

describe('feed HTML headings nest under the page title', () => {
  it('shifts an <h3> that follows the page <h1> up to <h2>, keeping relative levels', () => {
    expect(nestHeadings('<h3>一、范围</h3><p>x</p><h4>（一）</h4>')).toBe('<h2>一、范围</h2><p>x</p><h3>（一）</h3>')
  })
  it('moves a feed <h1> down to <h2>', () => {
    expect(sanitizeHtml('<h1 id="a">标题</h1><h2>小节</h2>')).toBe('<h2 id="a">标题</h2><h3>小节</h3>')
  })
  it('leaves HTML without headings alone', () => {
    expect(nestHeadings('<p>没有标题</p>')).toBe('<p>没有标题</p>')
  })
})
