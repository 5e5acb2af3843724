/**
 * A user-visible message as pure modules return it: a code into the locale files
 * (src/i18n/locales/<locale>/<feature>.json, `feature.key.sub`) and its parameters.
 * Views translate it with vue-i18n's t(code, params); the CLI and the township
 * server with src/i18n/translate.ts over the same files. No inline { zh, en } pairs.
 */
export interface Message {
  code: string
  params?: Record<string, string | number>
}

export const msg = (code: string, params?: Record<string, string | number>): Message => (params ? { code, params } : { code })
