/**
 * Locale messages, one JSON file per feature and locale:
 * locales/<locale>/<feature>.json becomes the `<feature>.*` keys of that locale.
 * Features add their own file instead of editing a shared one.
 */
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const SOURCE_LOCALE: Locale = 'zh-CN'

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' })

export function buildMessages(): Record<Locale, Record<string, unknown>> {
  const out = { 'zh-CN': {}, en: {} } as Record<Locale, Record<string, unknown>>
  for (const [path, value] of Object.entries(files)) {
    const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (!m) continue
    const locale = m[1] as Locale
    if (out[locale]) out[locale][m[2]!] = value
  }
  return out
}
