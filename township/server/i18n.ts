/**
 * The server's words: the kiosk's message files (src/i18n/locales: compliance
 * periods and reasons, clerk places…) plus the console's own
 * (township/web/locales: API errors, state names), read once. The server
 * answers Chinese first with English (`zhEn`), the shape docs/township-api.md
 * gives every text and the kiosks read; the browser translates its own screens.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { composedZhEn, translateComposed, type ComposedMessage } from '../../src/i18n/compose'
import { readLocaleDir } from '../../src/i18n/node'
import { createTranslator, type Messages, type Translator } from '../../src/i18n/translate'

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..')

/** both folders have a fleet.json: their keys are merged, the console's kept where both name one */
function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a }
  for (const [k, v] of Object.entries(b)) {
    const old = out[k]
    out[k] = old && typeof old === 'object' && v && typeof v === 'object' ? merge(old as Record<string, unknown>, v as Record<string, unknown>) : v
  }
  return out
}

let tr: Translator | undefined
export function consoleTranslator(): Translator {
  if (!tr) {
    const kiosk = readLocaleDir(join(root, 'src/i18n/locales'))
    const console_ = readLocaleDir(join(root, 'township/web/locales'))
    tr = createTranslator(merge(kiosk, console_) as Messages)
  }
  return tr
}

export interface Words {
  zh: string
  en: string
}

/** a message in Chinese and English, its message parameters translated too */
export const zhEn = (m: ComposedMessage): Words => composedZhEn(consoleTranslator(), m)
/** a message in one locale */
export const inLocale = (m: ComposedMessage, locale: string) => translateComposed((code, params) => consoleTranslator().t({ code, params }, locale), m)
/** a message in Chinese only (digests to WeCom/DingTalk/e-mail groups, the workbook's sheet texts) */
export const zh = (m: ComposedMessage) => zhEn(m).zh
