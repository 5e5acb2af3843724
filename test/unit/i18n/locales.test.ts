/** Every key exists in every locale, and no message is empty. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const dir = join(__dirname, '../../../src/i18n/locales')
const locales = readdirSync(dir)

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

function load(locale: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const file of readdirSync(join(dir, locale))) {
    const json = JSON.parse(readFileSync(join(dir, locale, file), 'utf8'))
    const area = file.replace(/\.json$/, '')
    for (const k of keys(json)) out[`${area}.${k}`] = k.split('.').reduce((o: any, p) => o[p], json) // eslint-disable-line @typescript-eslint/no-explicit-any
  }
  return out
}

describe('locales', () => {
  it('has the source locale and English', () => {
    expect(locales.sort()).toEqual(['en', 'zh-CN'])
  })
  const source = load('zh-CN')
  for (const locale of locales) {
    it(`${locale} has every key of zh-CN and no extra ones`, () => {
      const messages = load(locale)
      expect(Object.keys(messages).sort()).toEqual(Object.keys(source).sort())
    })
    it(`${locale} has no empty message and the same placeholders`, () => {
      const messages = load(locale)
      for (const [k, v] of Object.entries(messages)) {
        expect(v.trim(), k).not.toBe('')
        const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
        expect(ph(v), k).toEqual(ph(source[k] ?? ''))
      }
    })
  }
})
