/**
 * The console's translations: locales/<locale>/<feature>.json becomes the
 * `<feature>.*` keys (the kiosk's layout, in the console's own folder, so the
 * kiosk bundle never sees them). zh-CN is the source; the choice is kept per browser.
 */
import { createI18n } from 'vue-i18n'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
const STORAGE_KEY = 'gk-console-locale'

// plus the kiosk's clerk messages, for the names clerks see (places, items), and its feed and privacy messages, for the
// lint findings the server sends as codes (the CLI words them from the same files): one text for one thing;
// not api.json: the server's error texts, which it answers in Chinese and English itself (township/server/i18n.ts)
const files = import.meta.glob<Record<string, unknown>>(['../locales/*/*.json', '!../locales/*/api.json', '../../../src/i18n/locales/*/{clerk,feed,privacy}.json'], { eager: true, import: 'default' })

export function buildMessages(): Record<Locale, Record<string, unknown>> {
  const out: Record<Locale, Record<string, unknown>> = { 'zh-CN': {}, en: {} }
  for (const [path, value] of Object.entries(files)) {
    const m = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (m && (LOCALES as readonly string[]).includes(m[1]!)) out[m[1] as Locale][m[2]!] = value
  }
  return out
}

function savedLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    return v === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: 'zh-CN',
  messages: buildMessages() as never,
})

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // private mode: the choice lasts this visit
  }
}
