/**
 * Locale messages, one JSON file per feature and locale:
 * locales/<locale>/<feature>.json becomes the `<feature>.*` keys of that locale.
 * Features add their own file instead of editing a shared one.
 */
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const SOURCE_LOCALE: Locale = 'zh-CN'

// Only the source locale's resident features are in the entry chunk (initial JS budget, docs/performance.md).
// Clerk, status, fleet, privacy, compliance, feed (feed issues, lint) and sync (sync errors) messages load once the first
// screen has its content, or earlier when a screen needs them: the router waits only for those the screen shows
// (messagesFor, modules/router.ts). Other locales load when first chosen, or ahead when the browser is idle.
// import.json holds the CLI's and the township server's file checks (src/import): never shown on a kiosk, never loaded by it.
const files = import.meta.glob<Record<string, unknown>>(['./locales/zh-CN/*.json', '!./locales/zh-CN/{clerk,status,fleet,privacy,compliance,feed,sync,import}.json'], { eager: true, import: 'default' })
const lazyFiles = import.meta.glob<Record<string, unknown>>(['./locales/en/*.json', '!./locales/en/import.json', './locales/zh-CN/{clerk,status,fleet,privacy,compliance,feed,sync}.json'], { import: 'default' })

/** The source locale's features that are not in the entry chunk (the glob patterns above). */
export const LAZY_FEATURES = ['clerk', 'status', 'fleet', 'privacy', 'compliance', 'feed', 'sync'] as const
export type LazyFeature = (typeof LAZY_FEATURES)[number]

/**
 * What each resident screen shows of the lazily loaded features: a notice card names a village-posted notice
 * with a `clerk.resident.*` message. A screen not listed here (clerk mode, #/status, a new screen), or any
 * screen while staff use the kiosk, waits for all of them; a resident's checklist or handbook waits for none.
 */
const RESIDENT_SCREENS: Record<string, readonly LazyFeature[]> = {
  home: ['clerk'],
  checklist: [],
  'checklist-item': ['clerk'],
  notices: ['clerk'],
  archive: ['clerk'],
  notice: ['clerk'],
  handbook: [],
  chapter: [],
  search: ['clerk'],
}

/** The lazily loaded features a screen must have before it shows. */
export function messagesFor(routeName: string | symbol | null | undefined, resident: boolean): readonly LazyFeature[] {
  const listed = resident && typeof routeName === 'string' ? RESIDENT_SCREENS[routeName] : undefined
  return listed ?? LAZY_FEATURES
}

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

/** A locale's messages that are not bundled with the entry (only these features, when given). */
export async function loadLocaleMessages(locale: Locale, features?: readonly string[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  await Promise.all(
    Object.entries(lazyFiles).map(async ([path, load]) => {
      const f = featureOf(path)
      if (f?.locale === locale && (!features || features.includes(f.feature))) out[f.feature] = await load()
    }),
  )
  return out
}
