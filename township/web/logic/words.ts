/**
 * Texts the server answers in both languages ({zh, en}: API errors, supervision
 * reasons, lint findings, a kiosk's reported error). That is the API's contract
 * (docs/township-api.md), which the kiosks read too, so the console shows the one
 * in its reader's language; its own words go through t().
 */
export interface Words {
  zh: string
  en: string
}

export const inReaderLanguage = (w: Words, locale: string): string => (locale === 'en' ? w.en : w.zh)
