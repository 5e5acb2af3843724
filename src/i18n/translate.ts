/**
 * The one translator outside the browser (CLI, township server, unit tests): vue-i18n's own
 * createI18n over the same message files the kiosk uses, so there is no second message format.
 */
import { createI18n } from 'vue-i18n'
import type { Message } from './message'

export type Messages = Record<string, Record<string, unknown>>

export interface Translator {
  /** one locale's text of a message */
  t(m: Message, locale: string): string
  /** whether a code exists in a locale (no fallback) */
  has(code: string, locale: string): boolean
  /** Chinese first, then English, the way the CLI and the server answer */
  zhEn(m: Message): { zh: string; en: string }
}

export function createTranslator(messages: Messages, source = 'zh-CN'): Translator {
  // typed loosely: the messages are read at run time, and vue-i18n's key inference would recurse forever
  const g = createI18n({ legacy: false, locale: source, fallbackLocale: source, messages: messages as never, missingWarn: false, fallbackWarn: false }).global as unknown as {
    t(key: string, params: Record<string, unknown>, opts: { locale: string }): string
    te(key: string, locale: string): boolean
  }
  const t = (m: Message, locale: string) => g.t(m.code, m.params ?? {}, { locale })
  return {
    t,
    has: (code, locale) => g.te(code, locale),
    zhEn: (m) => ({ zh: t(m, 'zh-CN'), en: t(m, 'en') }),
  }
}
