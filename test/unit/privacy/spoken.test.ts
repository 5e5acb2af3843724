import { describe, expect, it } from 'vitest'
import { spokenMasks } from '../../../src/privacy/spoken'
import { maskCard, maskId, maskMobile } from '../../../src/privacy/mask'
import { plainText, takeHomePayload } from '../../../src/kiosk/takeHome'

const zh = { id: '身份证号已隐藏', mobile: (t: string) => `手机尾号 ${t}`, card: (t: string) => `银行卡尾号 ${t}`, someone: '某' }

describe('read-aloud of masked numbers (issue 17)', () => {
  it('says what a mask means instead of spelling stars', () => {
    const text = `申请人吴*磊，身份证号 ${maskId('11010519491231002X')}，电话 ${maskMobile('13812345678')}，账户 ${maskCard('6217000000008586')}。`
    const spoken = spokenMasks(text, zh)
    expect(spoken).toBe('申请人吴某磊，身份证号 身份证号已隐藏，电话 手机尾号 5678，账户 银行卡尾号 8586。')
    expect(spoken).not.toContain('*')
  })

  it('a card written in groups and a 15-digit ID', () => {
    expect(spokenMasks(maskCard('6217 0000 0000 8586'), zh)).toBe('银行卡尾号 8586')
    expect(spokenMasks(maskId('110105491231002'), zh)).toBe('身份证号已隐藏')
  })

  it('leaves numbers that are not masks alone', () => {
    expect(spokenMasks('补贴 120000 元，电话 0571-8888', zh)).toBe('补贴 120000 元，电话 0571-8888')
  })
})

describe('take-home text keeps masks exactly as on screen (issue 17)', () => {
  it('keeps the stars of ID, mobile, card and name masks', () => {
    const text = '吴*磊 110105********002X 138****5678 6217 **** **** 8586 和 139****1234'
    expect(plainText(text)).toBe(text)
    expect(takeHomePayload({ title: '公示', body: text })).toContain(text)
  })

  it('still drops Markdown emphasis', () => {
    expect(plainText('这是**重点**内容，__也是__')).toBe('这是重点内容，也是')
  })
})
