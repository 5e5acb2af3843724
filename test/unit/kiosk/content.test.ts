import { describe, expect, it } from 'vitest'
import { plainText, takeHomePayload, truncateBytes, TAKE_HOME_MAX_BYTES } from '../../../src/kiosk/takeHome'
import { financeBars, tableNumber } from '../../../src/kiosk/financeChart'
import { formatDeadline, objectionDeadline } from '../../../src/kiosk/objection'
import type { NoticeTable } from '../../../src/feed/types'

const bytes = (s: string) => new TextEncoder().encode(s).length

describe('扫码带走 payload', () => {
  it('is the item address when the feed gives one', () => {
    expect(takeHomePayload({ title: '公告', url: 'https://example.org/n/1', body: '正文' })).toBe('https://example.org/n/1')
  })

  it('otherwise carries village, title, dates and a summary that fits a QR code', () => {
    const p = takeHomePayload({ source: '桐溪村', title: '低保公示', dates: '公示期：11月24日至12月3日', body: '<p>内容' + '很长的正文。'.repeat(200) + '</p>' })
    expect(p.startsWith('桐溪村\n低保公示\n公示期：11月24日至12月3日\n内容很长的正文。')).toBe(true)
    expect(p.endsWith('…')).toBe(true)
    expect(p).not.toContain('<p>')
    expect(bytes(p)).toBeLessThanOrEqual(TAKE_HOME_MAX_BYTES)
  })

  it('cuts on character boundaries', () => {
    const cut = truncateBytes('一二三四五', 10)
    expect(cut).toBe('一二…')
    expect(bytes(cut)).toBeLessThanOrEqual(10)
  })

  it('turns Markdown into plain text', () => {
    expect(plainText('# 标题\n\n- **一清单**：见[清单](https://x)\n')).toBe('标题\n一清单：见清单')
  })
})

describe('finance tables', () => {
  const table: NoticeTable = {
    kind: 'finance',
    caption: '收支',
    unit: '元',
    columns: ['项目', '7月', '合计'],
    rows: [
      { kind: 'opening', cells: ['期初余额', 100, 100] },
      { kind: 'income', cells: ['租金', 10, 400] },
      { kind: 'income_total', cells: ['收入合计', 10, 400] },
      { kind: 'expense', cells: ['报酬', 5, 200] },
      { kind: 'memo', cells: ['说明', null, null] },
    ],
  }

  it('charts income and expense rows by their last amount, not totals', () => {
    expect(financeBars(table)).toEqual([
      { label: '租金', value: 400, group: 'income', share: 1 },
      { label: '报酬', value: 200, group: 'expense', share: 0.5 },
    ])
    expect(financeBars({ ...table, kind: 'plain' })).toEqual([])
  })

  it('shows finance amounts with two decimals, other numbers as written', () => {
    expect(tableNumber(1234.5, 'zh-CN', true)).toBe('1,234.50')
    expect(tableNumber(40, 'zh-CN', true)).toBe('40.00')
    expect(tableNumber(3, 'zh-CN', false)).toBe('3')
  })
})

describe('objection footer', () => {
  it('applies to notices with an end date, and the deadline is that day', () => {
    const d = objectionDeadline({ expires: '2026-12-03T18:00:00+08:00' })!
    expect(formatDeadline(d, 'zh-CN', new Date('2026-11-27T10:00:00+08:00'))).toMatch(/^12月\s*3日$/)
    expect(objectionDeadline({})).toBeNull()
    expect(objectionDeadline({ expires: 'not a date' })).toBeNull()
  })

  it('says the year whenever the deadline is not in the current year (issue 17)', () => {
    const now = new Date('2026-11-27T10:00:00+08:00')
    expect(formatDeadline(objectionDeadline({ expires: '2099-12-31T18:00:00+08:00' })!, 'zh-CN', now)).toBe('2099年12月31日')
    expect(formatDeadline(objectionDeadline({ expires: '2027-01-14T18:00:00+08:00' })!, 'zh-CN', now)).toBe('2027年1月14日')
    expect(formatDeadline(objectionDeadline({ expires: '2027-01-14T18:00:00+08:00' })!, 'en', now)).toMatch(/2027/)
  })
})
