import { describe, expect, it } from 'vitest'
import { absolutizeHtml, absolutizeMarkdown } from '../../../src/feed/absolutize'

const BASE = 'https://town.example/feeds/qingshi/feed.json'

describe('absolutize', () => {
  it('resolves img and link addresses in HTML against the feed', () => {
    expect(absolutizeHtml(`<p><img alt="x" src="img/a.png"><a href='../b.pdf'>b</a><img src="data:image/png;base64,AA"></p>`, BASE)).toBe(
      '<p><img alt="x" src="https://town.example/feeds/qingshi/img/a.png"><a href="https://town.example/feeds/b.pdf">b</a><img src="data:image/png;base64,AA"></p>',
    )
  })
  it('resolves images and links in Markdown', () => {
    expect(absolutizeMarkdown('见 ![流程图](img/flow.png "流程") 和 [规定](/rules.html)', BASE)).toBe(
      '见 ![流程图](https://town.example/feeds/qingshi/img/flow.png "流程") 和 [规定](https://town.example/rules.html)',
    )
  })
})
