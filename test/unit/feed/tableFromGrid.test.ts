import { describe, expect, it } from 'vitest'
import { kindOfLabel, tableFromGrid } from '../../../src/feed/tableFromGrid'

describe('tableFromGrid', () => {
  it('reads a statement as offices write it: row kinds from the labels, amounts as numbers', () => {
    const t = tableFromGrid([
      ['项目', '10月', '11月'],
      ['期初余额', '1,000.00', '1300'],
      ['收入：土地承包费', '500', ''],
      ['支出：道路维修', '200', '0'],
      ['期末余额', '1300', '1300'],
    ])
    expect(t.kind).toBe('finance')
    expect(t.rows.map((r) => r.kind)).toEqual(['opening', 'income', 'expense', 'closing'])
    expect(t.rows[0]!.cells).toEqual(['期初余额', 1000, 1300])
    expect(t.rows[1]!.cells).toEqual(['收入：土地承包费', 500, null])
  })

  it('the CLI layout: a kind column first, left out of the columns', () => {
    const t = tableFromGrid([['类型', '项目', '金额'], ['期初', '上月结余', '10'], ['期末', '本月结余', '10']])
    expect(t.columns).toEqual(['项目', '金额'])
    expect(t.rows).toEqual([{ kind: 'opening', cells: ['上月结余', 10] }, { kind: 'closing', cells: ['本月结余', 10] }])
  })

  it('a plain list stays plain, long digit runs stay text, short rows are padded', () => {
    const t = tableFromGrid([['姓名', '电话'], ['王某', '13800138000'], ['李某']])
    expect(t.kind).toBe('plain')
    expect(t.rows.map((r) => r.kind)).toEqual(['data', 'data'])
    expect(t.rows[0]!.cells).toEqual(['王某', '13800138000'])
    expect(t.rows[1]!.cells).toEqual(['李某', null])
  })

  it('labels: subtotals and prefixes', () => {
    expect(kindOfLabel('收入合计')).toBe('income_total')
    expect(kindOfLabel('支出小计')).toBe('expense_total')
    expect(kindOfLabel('期末结余')).toBe('closing')
    expect(kindOfLabel('村民代表会议')).toBe('data')
  })
})
