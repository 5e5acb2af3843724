/**
 * An 18-digit number with a real region code and birth date but a wrong
 * check digit (a mistyped ID) still reveals region and birthday: masked for
 * display, in clerk input, and a lint error that says it is probably a typo.
 */
import { describe, expect, it } from 'vitest'
import { scanText, isCnId18Shape, isValidCnId18 } from '../../../src/privacy'
import { maskDeep } from '../../../src/clerk/privacy'
import { lintDocument } from '../../../src/feed/lint'
import { baseFeed } from '../../support/feeds'
import { zh } from '../../support/words'

const TYPO = '340000195001010010' // the valid number ends in 019X
const NOT_A_DATE = '340000195013010011' // month 13 (and no card): an ordinary 18-digit number

describe('mistyped ID numbers', () => {
  it('are recognised by region and birth date, whatever the check digit', () => {
    expect(isValidCnId18(TYPO)).toBe(false)
    expect(isCnId18Shape(TYPO)).toBe(true)
    expect(isCnId18Shape(NOT_A_DATE)).toBe(false)
  })

  it('are masked for display, and left alone when the date is impossible', () => {
    expect(scanText(`身份证号${TYPO}`)).toMatchObject({ text: '身份证号340000********0010', findings: [{ kind: 'id18_check' }] })
    expect(scanText(`编号${NOT_A_DATE}`).findings).toEqual([])
  })

  it('are masked in what a clerk types before it is stored', () => {
    const r = maskDeep({ text: `申请人 ${TYPO}`, table: { rows: [{ cells: ['王某', TYPO] }] } })
    expect(r.value).toEqual({ text: '申请人 340000********0010', table: { rows: [{ cells: ['王某', '340000********0010'] }] } })
    expect(r.findings.map((f) => f.kind)).toEqual(['id18_check', 'id18_check'])
  })

  it('are a lint error saying 校验位不对，可能是输错的身份证号', () => {
    const f = baseFeed()
    f.items[0].content_text = `户主王某，证件号${TYPO}。`
    const r = lintDocument(f, { today: '2026-11-27' })
    expect(r.errors).toBe(1)
    expect(r.findings[0]).toMatchObject({ rule: 'privacy', path: 'items[0].text' })
    expect(zh(r.findings[0]!)).toContain('校验位不对，可能是输错的身份证号')
    expect(zh(r.findings[0]!)).toContain('340000********0010')
    expect(zh(r.findings[0]!)).not.toContain(TYPO)
  })
})
