import { describe, expect, it } from 'vitest'
import { amountText } from '../../../src/kiosk/financeChart'

describe('amounts written as text in a table (issue 17)', () => {
  it('get thousands separators, keeping their decimals', () => {
    expect(amountText('120000.00', '项目', 'zh-CN')).toBe('120,000.00')
    expect(amountText('-35.5', '备注', 'zh-CN')).toBe('-35.5')
    expect(amountText('98,765.43', '金额', 'zh-CN')).toBe('98,765.43')
  })

  it('whole numbers only under an amount heading; years, counts and text stay as written', () => {
    expect(amountText('42000', '补偿金额（元）', 'zh-CN')).toBe('42,000')
    expect(amountText('2026', '年份', 'zh-CN')).toBeNull()
    expect(amountText('3', '户数', 'zh-CN')).toBeNull()
    expect(amountText('三组', '金额', 'zh-CN')).toBeNull()
    expect(amountText('12.345', '金额', 'zh-CN')).toBeNull()
  })
})
