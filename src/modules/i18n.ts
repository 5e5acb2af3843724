import { createI18n } from 'vue-i18n'
import { watch, type App } from 'vue'
import { whenFirstContent } from '../perf/firstContent'
import { buildMessages, LAZY_FEATURES, loadLocaleMessages, SOURCE_LOCALE, type LazyFeature, type Locale } from '../i18n/messages'

/**
 * A locale's features with every message frozen. vue-i18n holds messages in a deep ref: each compiled message
 * a screen read became a reactive proxy of its own (≈ 950 after every resident screen, ≈ 50 KB of the heap, issue 19).
 * A frozen object is never proxied; messages are only read, and a locale changes by setting its features anew.
 */
function frozenFeatures(features: Record<string, unknown>): Record<string, unknown> {
  const freeze = (v: unknown) => {
    if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return
    Object.freeze(v)
    for (const x of Object.values(v)) freeze(x)
  }
  for (const f of Object.values(features)) freeze(f)
  return features
}

const built = buildMessages()
for (const locale of Object.keys(built) as Locale[]) frozenFeatures(built[locale])

export const i18n = createI18n({
  legacy: false,
  locale: SOURCE_LOCALE,
  fallbackLocale: SOURCE_LOCALE,
  messages: built as never,
  // the kiosk must never show a key name; missing keys are caught by test/unit/i18n/locales.test.ts
  missingWarn: false,
  fallbackWarn: false,
})

const loading = new Map<string, Promise<void>>()

/** Loads (once) the lazily bundled messages of a locale: all of them, or one feature of it. */
function load(locale: Locale, feature?: LazyFeature): Promise<void> {
  const key = feature ? `${locale}/${feature}` : locale
  let p = loading.get(key)
  if (!p) {
    p = loadLocaleMessages(locale, feature ? [feature] : undefined).then(
      // set, not merged: a merge copies every message into new (unfrozen) objects
      (m) => i18n.global.setLocaleMessage(locale, { ...(i18n.global.getLocaleMessage(locale) as Record<string, unknown>), ...frozenFeatures(m) } as never),
      () => void loading.delete(key),
    )
    loading.set(key, p)
  }
  return p
}

/** Loads a locale's lazily bundled messages (once); meanwhile the source locale (the fallback) shows. */
export function ensureLocale(locale: Locale): Promise<void> {
  if (locale === SOURCE_LOCALE) return Promise.all(LAZY_FEATURES.map((f) => load(locale, f))).then(() => undefined)
  return load(locale)
}

/**
 * Switches the language once its messages are there (another language loads when first chosen, from the service
 * worker's cache): the screen changes in one step, never Chinese labels under an English choice.
 */
export async function switchLocale(locale: Locale): Promise<void> {
  await ensureLocale(locale)
  i18n.global.locale.value = locale
}

/**
 * Resolves when a screen's messages are there (the router waits on it): these lazy features of the source
 * locale (all by default), and all of the chosen locale.
 */
export function messagesReady(features: readonly LazyFeature[] = LAZY_FEATURES): Promise<void> {
  const chosen = i18n.global.locale.value as Locale
  return Promise.all([...features.map((f) => load(SOURCE_LOCALE, f)), chosen === SOURCE_LOCALE ? undefined : load(chosen)]).then(() => undefined)
}

export function install(app: App) {
  app.use(i18n)
  // whoever switches the language just sets locale.value; its messages follow
  watch(i18n.global.locale, (l) => void ensureLocale(l as Locale))
  // the rest of the source locale once the first screen has shown (no resident screen waits for them); another
  // language loads when it is chosen (switchLocale waits for it before switching): ≈ 0.3 MB not held ahead of it
  void whenFirstContent().then(() => void ensureLocale(SOURCE_LOCALE))
}
