// @vitest-environment jsdom
/**
 * The compose page's logic: tables pasted from Excel/WPS (HTML and TSV), the
 * 公示 length in words, the finance sums and their verdict, the one-click
 * masking fix, and the form ↔ feed item round trip.
 */
import { describe, expect, it } from 'vitest'
import { gridFromClipboard, gridFromHtml, gridFromTsv } from '../../../township/web/logic/pasteTable'
import { publicityHint } from '../../../township/web/logic/publicityWindow'
import { columnSums } from '../../../township/web/logic/financeCheck'
import { emptyForm, fieldOf, formOf, itemOf, maskedValues, maskField } from '../../../township/web/logic/draftForm'
import { sanitizeBody } from '../../../township/web/logic/sanitizeBody'
import { tableFromGrid } from '../../../src/feed/tableFromGrid'
import { cnIdCheckChar } from '../../../src/privacy'
import { i18n } from '../../../township/web/modules/i18n'
import type { Message } from '../../../src/i18n/message'

const EXCEL_HTML = `<html><body><!--StartFragment--><table><tr><td>项目</td><td>11月</td></tr><tr><td>期初余额</td><td>1,000.00</td></tr>
<tr><td>收入：土地承包费</td><td>500</td></tr><tr><td>支出：道路维修</td><td>200</td></tr><tr><td>期末余额</td><td>1200</td></tr></table><!--EndFragment--></body></html>`

describe('pasting a table', () => {
  it('reads Excel’s HTML, and the same cells from TSV', () => {
    const fromHtml = gridFromHtml(EXCEL_HTML)
    expect(fromHtml).toEqual([['项目', '11月'], ['期初余额', '1,000.00'], ['收入：土地承包费', '500'], ['支出：道路维修', '200'], ['期末余额', '1200']])
    expect(gridFromTsv('项目\t11月\r\n期初余额\t1,000.00\r\n收入：土地承包费\t500\r\n支出：道路维修\t200\r\n期末余额\t1200\r\n')).toEqual(fromHtml)
    expect(gridFromTsv('一段普通文字')).toBeNull()
  })

  it('prefers the HTML flavour of a clipboard, falls back to its text', () => {
    const data = (m: Record<string, string>) => ({ getData: (k: string) => m[k] ?? '' })
    expect(gridFromClipboard(data({ 'text/html': EXCEL_HTML, 'text/plain': 'x\ty' }))?.[0]).toEqual(['项目', '11月'])
    expect(gridFromClipboard(data({ 'text/html': '<p>no table</p>', 'text/plain': 'a\tb\n1\t2' }))).toEqual([['a', 'b'], ['1', '2']])
  })

  it('the finance view sums each column as it is typed', () => {
    const t = tableFromGrid(gridFromHtml(EXCEL_HTML)!)
    expect(columnSums(t)).toEqual([expect.objectContaining({ column: '11月', opening: 1000, income: 500, expense: 200, expected: 1300, closing: 1200, ok: false })])
    const fixed = { ...t, rows: t.rows.map((r) => (r.kind === 'closing' ? { ...r, cells: ['期末余额', 1300] } : r)) }
    expect(columnSums(fixed)[0]!.ok).toBe(true)
  })
})

/** the console's words for a message, as the compose page shows them */
const words = (m: Message, locale = 'zh-CN') => (i18n.global as unknown as { t: (k: string, p: object, o: { locale: string }) => string }).t(m.code, m.params ?? {}, { locale })

describe('the compose form', () => {
  it('shows the 公示 length and its last day, in calendar and working days', () => {
    expect(words(publicityHint({ days: 7 }, '2026-12-03', { holidays: [], workdays: [] }).words)).toBe('须公示 7 天 → 至 12月9日')
    // 5 working days from Thursday 2026-12-03: Thu, Fri, Mon, Tue, Wed
    const working = publicityHint({ days: 5, day_type: 'working' }, '2026-12-03', { holidays: [], workdays: [] })
    expect(working.lastDay).toBe('2026-12-09')
    expect(words(working.words)).toBe('须公示 5 个工作日 → 至 12月9日')
    expect(words(working.words, 'en')).toBe('5 working days of 公示 required → until 2026-12-09')
  })

  it('masks a valid ID number in one click, and shows only its masked form', () => {
    const id = '11010519491231002' + cnIdCheckChar('11010519491231002')
    const form = { ...emptyForm('2026-12-02', 'notices'), title: '低保公示', html: `<p>王某 ${id}</p>` }
    expect(maskedValues(form, 'body')).toEqual(['110105********' + id.slice(-4)])
    const fixed = maskField(form, 'body')
    expect(fixed.html).not.toContain(id)
    expect(fixed.html).toContain('110105')
    expect(fieldOf({ rule: 'privacy', severity: 'error', target: 'x', path: 'items[0].html', code: 'feed.lint.privacy_field' })).toBe('body')
    expect(fieldOf({ rule: 'publicity-too-short', severity: 'error', target: 'x', path: 'items[3]._gongkai.expires', code: 'feed.lint.publicity_too_short_calendar' })).toBe('window')
  })

  it('form → feed item → form keeps every field', () => {
    const form = { ...emptyForm('2026-12-03', 'finance'), id: 'N-1', title: '财务公开', checklistItem: 'C-01', endDay: '2026-12-09', pinned: true, html: '<p>见下表</p>' }
    const item = itemOf(form)
    expect(item).toMatchObject({ id: 'N-1', date_published: '2026-12-03T00:00:00+08:00', _gongkai: { category: 'finance', checklist_item: 'C-01', expires: '2026-12-09T23:59:59+08:00', pinned: true } })
    expect(formOf(item, 'notices')).toEqual(form)
  })

  it('the editor’s HTML is sanitised before it is stored', () => {
    expect(sanitizeBody('<p onclick="x()">好<script>alert(1)</script><img src=x onerror=y></p>')).toBe('<p>好</p>')
    expect(sanitizeBody('<p></p>')).toBe('')
  })
})
