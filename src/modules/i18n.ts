import { createI18n } from 'vue-i18n'
import type { App } from 'vue'
import { buildMessages, SOURCE_LOCALE } from '../i18n/messages'

export const i18n = createI18n({
  legacy: false,
  locale: SOURCE_LOCALE,
  fallbackLocale: SOURCE_LOCALE,
  messages: buildMessages() as never,
  // the kiosk must never show a key name; missing keys are caught by test/unit/i18n.test.ts
  missingWarn: false,
  fallbackWarn: false,
})

export function install(app: App) {
  app.use(i18n)
}
