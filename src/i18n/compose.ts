/**
 * Messages whose parameters are messages: a compliance reason names a period
 * ("2026年9月的公开尚未登记"), and the period's label is a message of its own,
 * translated into the same locale first. A plain Message is a ComposedMessage.
 */
import type { Message } from './message'
import type { Translator } from './translate'

export type MessageArg = string | number | Message | ComposedMessage
export interface ComposedMessage {
  code: string
  params?: Record<string, MessageArg>
}

/** The text of `m`, translating its message parameters with the same `t` (vue-i18n's t(key, named), or a Translator's). */
export function translateComposed(t: (code: string, params: Record<string, string | number>) => string, m: ComposedMessage): string {
  const params: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(m.params ?? {})) params[k] = typeof v === 'object' ? translateComposed(t, v) : v
  return t(m.code, params)
}

/** Chinese first, then English (the CLI's and the township server's answers), with a Translator. */
export function composedZhEn(tr: Translator, m: ComposedMessage): { zh: string; en: string } {
  const in_ = (locale: string) => translateComposed((code, params) => tr.t({ code, params }, locale), m)
  return { zh: in_('zh-CN'), en: in_('en') }
}
