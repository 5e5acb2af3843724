/**
 * Locale messages, one JSON file per feature and locale:
 * locales/<locale>/<feature>.json becomes the `<feature>.*` keys of that locale.
 * Features add their own file instead of editing a shared one.
 */
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const SOURCE_LOCALE: Locale = 'zh-CN'

// Only the source locale's resident features are in the entry chunk (initial JS budget, docs/performance.md).
// Clerk, status, fleet and privacy messages load at start in parallel and the router waits for them before showing a
// screen (modules/router.ts); other locales load when first chosen, or ahead when the browser is idle.
const files = import.meta.glob<Record<string, unknown>>(['./locales/zh-CN/*.json', '!./locales/zh-CN/{clerk,status,fleet,privacy}.json'], { eager: true, import: 'default' })
const lazyFiles = import.meta.glob<Record<string, unknown>>(['./locales/en/*.json', './locales/zh-CN/{clerk,status,fleet,privacy}.json'], { import: 'default' })

function featureOf(path: string): { locale: Locale; feature: string } | null {
  const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
  return m && (LOCALES as readonly string[]).includes(m[1]!) ? { locale: m[1] as Locale, feature: m[2]! } : null
}

/** Messages bundled with the entry. */
export function buildMessages(): Record<Locale, Record<string, unknown>> {
  const out = { 'zh-CN': {}, en: {} } as Record<Locale, Record<string, unknown>>
  for (const [path, value] of Object.entries(files)) {
    const f = featureOf(path)
    if (f) out[f.locale][f.feature] = value
  }
  return out
}

/** A locale's messages that are not bundled with the entry. */
export async function loadLocaleMessages(locale: Locale): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  await Promise.all(
    Object.entries(lazyFiles).map(async ([path, load]) => {
      const f = featureOf(path)
      if (f?.locale === locale) out[f.feature] = await load()
    }),
  )
  return out
}
