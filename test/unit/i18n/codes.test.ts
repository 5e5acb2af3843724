/** Every message code the pure modules return exists in every locale with the parameters they pass, and the CLI/server translator reads the same files. */
import { describe, expect, it } from 'vitest'
import type { Message } from '../../../src/i18n/message'
import { kioskTranslator } from '../../../src/i18n/node'
import { PII_REASON } from '../../../src/privacy/guard'

const LOCALES = ['zh-CN', 'en']
/** the placeholders a message's text names, e.g. {days} */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

export function expectKnown(m: Message) {
  const tr = kioskTranslator()
  for (const locale of LOCALES) {
    expect(tr.has(m.code, locale), `${m.code} in ${locale}`).toBe(true)
    const text = tr.t({ code: m.code, params: Object.fromEntries(Object.keys(m.params ?? {}).map((k) => [k, `{${k}}`])) }, locale)
    expect(placeholders(text), `${m.code} in ${locale}`).toEqual(Object.keys(m.params ?? {}).sort())
  }
}

describe('message codes', () => {
  it('privacy reasons exist in every locale', () => {
    for (const m of Object.values(PII_REASON)) expectKnown(m)
  })

  it('the CLI/server translator gives the Chinese and the English text from the same files', () => {
    expect(kioskTranslator().zhEn(PII_REASON.mobile)).toEqual({ zh: '手机号码：只保留前3位和后4位', en: 'Mobile phone number: only the first 3 and last 4 digits kept' })
  })
})
