/**
 * The server's words: the kiosk's message files (src/i18n/locales: compliance
 * periods and reasons, clerk places…) plus the console's own
 * (township/web/locales: API errors, state names), read once. The server
 * answers Chinese first with English (`zhEn`), the shape docs/township-api.md
 * gives every text and the kiosks read; the browser translates its own screens.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { translateComposed, type ComposedMessage } from '../../src/i18n/compose'
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

// The files do not change while the server runs, so a message's words are kept: supervision answers name
// the same few period labels and reasons for thousands of items (a translation takes ~6 µs, a lookup ~1 µs).
const kept = new Map<string, string>()
function cached(key: string, make: () => string): string {
  let v = kept.get(key)
  if (v === undefined) {
    if (kept.size > 20_000) kept.clear()
    kept.set(key, (v = make()))
  }
  return v
}

/** a message in one locale, its message parameters translated too */
export const inLocale = (m: ComposedMessage, locale: string): string =>
  cached(`${locale} ${JSON.stringify(m)}`, () => translateComposed((code, params) => consoleTranslator().t({ code, params }, locale), m))
/** a message in Chinese and English */
export const zhEn = (m: ComposedMessage): Words => ({ zh: inLocale(m, 'zh-CN'), en: inLocale(m, 'en') })
/** a message in Chinese only (digests to WeCom/DingTalk/e-mail groups, the workbook's sheet texts) */
export const zh = (m: ComposedMessage) => inLocale(m, 'zh-CN')
