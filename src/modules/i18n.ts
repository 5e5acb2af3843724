import { createI18n } from 'vue-i18n'
import { watch, type App } from 'vue'
import { whenFirstContent } from '../perf/firstContent'
import { whenIdle } from '../perf/whenIdle'
import { buildMessages, loadLocaleMessages, SOURCE_LOCALE, type Locale } from '../i18n/messages'

export const i18n = createI18n({
  legacy: false,
  locale: SOURCE_LOCALE,
  fallbackLocale: SOURCE_LOCALE,
  messages: buildMessages() as never,
  // the kiosk must never show a key name; missing keys are caught by test/unit/i18n/locales.test.ts
  missingWarn: false,
  fallbackWarn: false,
})

const loading = new Map<Locale, Promise<void>>()

/** Loads the lazily bundled messages of a locale (once); meanwhile the source locale (the fallback) shows. */
export function ensureLocale(locale: Locale): Promise<void> {
  let p = loading.get(locale)
  if (!p) {
    p = loadLocaleMessages(locale).then(
      (m) => i18n.global.mergeLocaleMessage(locale, m as never),
      () => void loading.delete(locale),
    )
    loading.set(locale, p)
  }
  return p
}

/** Resolves when the messages of the source locale and of the chosen one are all there (router waits on it). */
export function messagesReady(): Promise<void> {
  return Promise.all([ensureLocale(SOURCE_LOCALE), ensureLocale(i18n.global.locale.value as Locale)]).then(() => undefined)
}

export function install(app: App) {
  app.use(i18n)
  void ensureLocale(SOURCE_LOCALE)
  // whoever switches the language just sets locale.value; its messages follow
  watch(i18n.global.locale, (l) => void ensureLocale(l as Locale))
  // and are fetched ahead while the kiosk is idle, so the language button answers at once
  void whenFirstContent().then(() => whenIdle(() => void ensureLocale('en'), 5000))
}
