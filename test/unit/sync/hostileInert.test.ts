// @vitest-environment jsdom
/**
 * The injection cases of the hostile corpus, rendered the way the kiosk renders
 * them (sanitised HTML, Markdown → sanitised HTML): nothing left that can run
 * a script, load a resource or navigate away.
 */
import { describe, expect, it } from 'vitest'
import { parseFeedText } from '../../../src/feed/validate'
import { normalizeFeed } from '../../../src/feed/normalize'
import { sanitizeHtml } from '../../../src/render/sanitize'
import { renderMarkdown } from '../../../src/render/markdown'
import { CORPUS, context } from '../../fixtures/hostile/corpus'
import { URL_ATTRIBUTES } from '../../../src/render/urlAttributes'

const DANGEROUS_TAGS = 'script, iframe, frame, object, embed, form, input, button, meta, base, link, style, svg, math, video, audio, source, map, area'

function assertInert(html: string) {
  const root = document.createElement('div')
  root.innerHTML = html
  expect(root.querySelectorAll(DANGEROUS_TAGS).length, html).toBe(0)
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      expect(attr.name.startsWith('on'), `${attr.name} in ${html}`).toBe(false)
      expect(['style', ...URL_ATTRIBUTES] as string[]).not.toContain(attr.name)
      // kept addresses are only ever shown (QR code) or looked up in storage, and only as http(s)
      if (attr.name === 'data-href' || attr.name === 'data-src') expect(new URL(attr.value, 'https://township.example/').protocol).toMatch(/^https?:$/)
      else expect(attr.value.replace(/\s/g, '').toLowerCase()).not.toContain('javascript:')
    }
  }
}

describe('injection cases render inert', () => {
  for (const c of CORPUS.filter((x) => x.expect === 'inert')) {
    it(c.id, async () => {
      const served = await c.build(context(5))
      const parsed = parseFeedText(new TextDecoder().decode(served.feed as Uint8Array))
      expect(parsed.ok).toBe(true)
      if (!parsed.ok) return
      const content = normalizeFeed(parsed.feed, 'https://township.example/feeds/village.json', 'v')
      for (const n of content.notices) if (n.html) assertInert(sanitizeHtml(n.html))
      for (const ch of content.handbook?.chapters ?? []) assertInert(renderMarkdown(ch.markdown))
      expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined()
    })
  }
})
