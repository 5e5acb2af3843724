import { describe, expect, it } from 'vitest'
import type { Notice } from '../../../src/feed/types'
import { kioskTranslator } from '../../../src/i18n/node'
import { guardCell, guardCells, guardHtml, guardNotice, PII_REASON, scanText } from '../../../src/privacy/guard'

const ID = '34000019500101019X' // X is the right check character for these 17 digits
const notice = (p: Partial<Notice>): Notice => ({ id: 'n1', title: 't', category: 'c', pinned: false, urgent: false, attachments: [], tags: [], ...p })

describe('scanText', () => {
  it('reports offsets in the masked text and never the raw value', () => {
    const r = scanText(`户主身份证${ID}，电话13800138000。`)
    expect(r.text).toBe('户主身份证340000********019X，电话138****8000。')
    expect(r.findings).toEqual([
      { kind: 'id18', masked: '340000********019X', start: 5, end: 23 },
      { kind: 'mobile', masked: '138****8000', start: 26, end: 37 },
    ])
    for (const f of r.findings) expect(r.text.slice(f.start, f.end)).toBe(f.masked)
    expect(JSON.stringify(r)).not.toContain('13800138000')
    expect(JSON.stringify(r)).not.toContain(ID)
  })

  it('returns text without numbers unchanged and is idempotent on masked text', () => {
    expect(scanText('村民代表会议决议')).toEqual({ text: '村民代表会议决议', findings: [] })
    const once = scanText(`${ID} 13800138000 6217 0000 0000 0006`).text
    expect(once).toBe(`340000********019X 138****8000 6217 **** **** 0006`)
    expect(scanText(once)).toEqual({ text: once, findings: [] })
  })
})

describe('guardCells', () => {
  it('masks per cell and says which column', () => {
    const r = guardCells(['1', '张某', 13800138000, ID, null, 1200.5])
    expect(r.cells).toEqual(['1', '张某', '138****8000', '340000********019X', null, 1200.5])
    expect(r.findings).toEqual([{ col: 2, kind: 'mobile' }, { col: 3, kind: 'id18' }])
  })
})

describe('guardHtml', () => {
  it('masks text between tags and text attributes, keeps markup and URLs', () => {
    const html = `<p class="x" data-row="13800138000" title="联系13800138000"><a href="https://example.org/13800138000">电话<b>13800138000</b></a> <img alt="${ID}" src="a.png"><a href="tel:13900139000">拨打</a></p><!-- 13700137000 -->`
    const r = guardHtml(html)
    expect(r.html).toBe(
      `<p class="x" data-row="13800138000" title="联系138****8000"><a href="https://example.org/13800138000">电话<b>138****8000</b></a> <img alt="340000********019X" src="a.png"><a href="tel:139****9000">拨打</a></p><!-- 13700137000 -->`,
    )
    expect(r.kinds).toEqual(['mobile', 'mobile', 'id18', 'mobile'])
  })
})

describe('guardNotice', () => {
  it('masks every text field and names the field of each finding', () => {
    const n = notice({
      title: `低保公示（联系人13800138000）`,
      summary: `户主${ID}`,
      text: '卡号6217000000000006',
      html: '<p>电话13900139000</p>',
      table: {
        kind: 'list', caption: '名单', unit: '元',
        columns: ['序号', '姓名', '身份证号', '金额'],
        rows: [
          { kind: 'data', cells: ['1', '张某', '340000500101011', 600] },
          { kind: 'data', cells: ['2', '李某', ID, 13800138000] },
        ],
      },
      attachments: [{ url: 'https://x/a.pdf', mimeType: 'application/pdf', title: '名单13700137000' }],
    })
    const before = JSON.stringify(n)
    const r = guardNotice(n)
    expect(JSON.stringify(n)).toBe(before) // input untouched
    expect(r.findings).toEqual([
      { field: 'title', kind: 'mobile' },
      { field: 'summary', kind: 'id18' },
      { field: 'text', kind: 'bank_card' },
      { field: 'html', kind: 'mobile' },
      { field: 'table[0][2]', kind: 'id15' },
      { field: 'table[1][2]', kind: 'id18' },
      { field: 'table[1][3]', kind: 'mobile' },
      { field: 'attachments[0].title', kind: 'mobile' },
    ])
    expect(r.notice.table!.rows[0]!.cells).toEqual(['1', '张某', '340000******011', 600])
    expect(r.notice.text).toBe('卡号6217********0006')
    const stored = JSON.stringify(r)
    for (const raw of ['13800138000', '13900139000', '13700137000', ID, '340000500101011', '6217000000000006']) expect(stored).not.toContain(raw)
  })

  it('has a Chinese and English reason for every kind', () => {
    for (const kind of ['id18', 'id15', 'mobile', 'bank_card'] as const) {
      const r = kioskTranslator().zhEn(PII_REASON[kind])
      expect(r.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(r.en.length).toBeGreaterThan(10)
    }
  })
})

describe('guardCell', () => {
  it('masks one form value, turning a masked number into a string', () => {
    expect(guardCell(13800138000)).toEqual({ cell: '138****8000', kinds: ['mobile'] })
    expect(guardCell(3600000)).toEqual({ cell: 3600000, kinds: [] })
    expect(guardCell(null)).toEqual({ cell: null, kinds: [] })
    // an 18-digit ID typed as a number has lost its last digits; it is still masked
    expect(guardCell(Number('340000195001010011'))).toEqual({ cell: '340000********9984', kinds: ['id18'] })
  })
})
