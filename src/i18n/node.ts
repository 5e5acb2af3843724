/**
 * Node-only: reads every locales/<locale>/<feature>.json from disk (a third language is a new
 * folder), for the CLI and the township server. The kiosk loads the same files through messages.ts.
 * Run through tsx the files are read from disk; bundled by Vite (the packed CLI, vite.cli.config.ts)
 * import.meta.env exists and the glob below compiles them in, since the package has no src/ beside it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTranslator, type Messages, type Translator } from './translate'

export function readLocaleDir(dir: string): Messages {
  const out: Messages = {}
  for (const locale of readdirSync(dir)) {
    const m: Record<string, unknown> = {}
    for (const f of readdirSync(join(dir, locale))) if (f.endsWith('.json')) m[f.slice(0, -5)] = JSON.parse(readFileSync(join(dir, locale, f), 'utf8'))
    out[locale] = m
  }
  return out
}

function bundled(): Messages | null {
  if (!import.meta.env) return null
  const out: Messages = {}
  for (const [path, value] of Object.entries(import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' }))) {
    const [, locale, feature] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)!
    ;(out[locale!] ??= {})[feature!] = value
  }
  return out
}

let kiosk: Translator | undefined
/** the kiosk's message files (src/i18n/locales), read once */
export function kioskTranslator(): Translator {
  return (kiosk ??= createTranslator(bundled() ?? readLocaleDir(join(fileURLToPath(new URL('.', import.meta.url)), 'locales'))))
}
