import { describe, expect, it } from 'vitest'
import vectors from '../../fixtures/privacy/sample-vectors.json'
import { maskCard, maskId, maskMobile } from '../../../src/privacy/mask'
import {
  cnIdCheckChar,
  isBankCard,
  isLuhnValid,
  isMainlandMobile,
  isPlausibleCnId15,
  isValidCnId18,
} from '../../../src/privacy/validators'

describe('GB 11643 resident ID', () => {
  it('accepts the standard’s published examples', () => {
    expect(isValidCnId18('11010519491231002X')).toBe(true)
    expect(isValidCnId18('11010519491231002x')).toBe(true)
    expect(isValidCnId18('440524188001010014')).toBe(true)
  })

  it('computes the MOD 11-2 check character', () => {
    expect(cnIdCheckChar('11010519491231002')).toBe('X')
    expect(cnIdCheckChar('44052418800101001')).toBe('4')
  })

  it.each(vectors.idInvalidChecksum)('rejects the sample’s bad check digit %s', (id) => {
    expect(isValidCnId18(id)).toBe(false)
  })

  it.each(vectors.idInvalidFormat)('rejects the sample’s malformed number %s', (id) => {
    expect(isValidCnId18(id)).toBe(false)
  })

  it('rejects impossible and future birth dates even with a matching check digit', () => {
    const withCheck = (first17: string) => first17 + cnIdCheckChar(first17)
    expect(isValidCnId18(withCheck('34000019500230001'))).toBe(false) // 30 Feb
    expect(isValidCnId18(withCheck('34000020280229001'), '2028-02-28')).toBe(false) // tomorrow
    expect(isValidCnId18(withCheck('34000020280229001'), '2028-02-29')).toBe(true) // born today
    expect(isValidCnId18(withCheck('99000019500101001'))).toBe(false) // no such province
  })

  it('accepts a plausible legacy 15-digit number only with a real date', () => {
    expect(isPlausibleCnId15('340000500101011')).toBe(true)
    expect(isPlausibleCnId15('340000500230011')).toBe(false)
    expect(isPlausibleCnId15('990000500101011')).toBe(false)
  })
})

describe('Luhn and cards', () => {
  it('checks Luhn', () => {
    expect(isLuhnValid('79927398713')).toBe(true)
    expect(isLuhnValid('79927398710')).toBe(false)
    expect(isLuhnValid('')).toBe(false)
  })

  it('needs 13–19 digits and a card issuer prefix', () => {
    expect(isBankCard('4111111111111111')).toBe(true)
    expect(isBankCard('6222021234567890123'.slice(0, 18) + '0')).toBe(isLuhnValid('622202123456789010'))
    expect(isBankCard('79927398713')).toBe(false) // 11 digits
    // a Luhn-valid 14-digit serial that starts with a year is not a card
    const serial = ['2026112700012', '2026112700013', '2026112700014', '2026112700015', '2026112700016', '2026112700017', '2026112700018', '2026112700019', '2026112700010', '2026112700011']
      .map((s) => s + '0')
      .find(isLuhnValid)
    expect(serial).toBeDefined()
    expect(isBankCard(serial!)).toBe(false)
  })
})

describe('mainland mobiles', () => {
  it.each(['13800138000', '19900000001', '+8613800138000', '86 138 0000 0000', '138-0000-0000'])('%s is a mobile', (m) => {
    expect(isMainlandMobile(m)).toBe(true)
  })
  it.each(['12800138000', '1380013800', '138001380001', '0556-1234567'])('%s is not', (m) => {
    expect(isMainlandMobile(m)).toBe(false)
  })
})

describe('masking formats', () => {
  it('hides the birth date of IDs', () => {
    expect(maskId('34000019500101011x')).toBe('340000********011X')
    expect(maskId('340000500101011')).toBe('340000******011')
  })
  it('keeps 3 + 4 digits of mobiles', () => {
    expect(maskMobile('138-0000-0000')).toBe('138****0000')
    expect(maskMobile('+86 199 0000 0001')).toBe('199****0001')
  })
  it('keeps 4 + 4 digits of cards and the writer’s grouping', () => {
    expect(maskCard('6217 0000 0000 0000')).toBe('6217 **** **** 0000')
    expect(maskCard('6217000000000000')).toBe('6217********0000')
    expect(maskCard('6217-0000-0000-0000-123')).toBe('6217-****-****-***0-123')
  })
})
