/**
 * A message's words as a user reads them, from the kiosk's locale files through the CLI/server
 * translator; and the check that a code exists in every locale with the parameters it is given.
 */
import { expect } from 'vitest'
import type { Message } from '../../src/i18n/message'
import { composedZhEn, type ComposedMessage } from '../../src/i18n/compose'
import { kioskTranslator } from '../../src/i18n/node'

export const LOCALES = ['zh-CN', 'en']

export const zh = (m: Message) => kioskTranslator().t(m, 'zh-CN')
export const en = (m: Message) => kioskTranslator().t(m, 'en')

/** the Chinese and the English text of a message (its message parameters translated too) */
export const words = (m: ComposedMessage) => composedZhEn(kioskTranslator(), m)

/** the placeholders a message's text names, e.g. {days} (each once: a text may name one twice) */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]))].sort()

/** the code exists in every locale, naming exactly the parameters it is given (message parameters checked the same way) */
export function expectKnown(m: ComposedMessage) {
  const tr = kioskTranslator()
  for (const locale of LOCALES) {
    expect(tr.has(m.code, locale), `${m.code} in ${locale}`).toBe(true)
    const text = tr.t({ code: m.code, params: Object.fromEntries(Object.keys(m.params ?? {}).map((k) => [k, `{${k}}`])) }, locale)
    expect(placeholders(text), `${m.code} in ${locale}`).toEqual(Object.keys(m.params ?? {}).sort())
  }
  for (const v of Object.values(m.params ?? {})) if (typeof v === 'object') expectKnown(v)
}
