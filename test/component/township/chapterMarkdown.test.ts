// @vitest-environment jsdom
/** A handbook chapter written in the rich-text editor is stored as the Markdown kiosks render, and comes back into the editor unchanged. */
import { describe, expect, it } from 'vitest'
import { chapterHtml, chapterMarkdown } from '../../../township/web/logic/chapterMarkdown'
import { renderMarkdown } from '../../../src/render/markdown'

describe('handbook chapter body', () => {
  const html = '<h2>怎样提出异议</h2><p>在公示期内向<strong>村务监督委员会</strong>书面提出。</p><ul><li>写明事项</li><li>签名</li></ul>'

  it('the editor’s HTML becomes Markdown the kiosk renders to the same headings, emphasis and lists', () => {
    const md = chapterMarkdown(html)
    expect(md).toBe('## 怎样提出异议\n\n在公示期内向**村务监督委员会**书面提出。\n\n-   写明事项\n-   签名')
    const shown = renderMarkdown(md)
    expect(shown).toContain('<h2>怎样提出异议</h2>')
    expect(shown).toContain('<strong>村务监督委员会</strong>')
    expect(shown).toMatch(/<li>写明事项<\/li>\s*<li>签名<\/li>/)
  })

  it('script and event handlers never reach the feed; a published chapter comes back into the editor as it was', () => {
    expect(chapterMarkdown('<p onclick="x()">公开<script>alert(1)</script></p>')).toBe('公开')
    expect(chapterMarkdown('<p></p>')).toBe('')
    expect(chapterMarkdown(chapterHtml(chapterMarkdown(html)))).toBe(chapterMarkdown(html))
  })
})
