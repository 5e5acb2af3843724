/**
 * Every message the township server names (API errors, digests, workbook headings, state
 * names) exists in zh-CN and en, and both texts name the same parameters; the
 * answer keeps the {error: {code, zh, en}} shape the kiosks read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { msg } from '../../../src/i18n/message'
import { readLocaleDir } from '../../../src/i18n/node'
import { ApiError, notFound } from '../../../township/server/errors'
import { consoleTranslator, zhEn } from '../../../township/server/i18n'

const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []))
/** a code's text as written in the message files (the console's, then the kiosk's) */
const dirs = [readLocaleDir('township/web/locales'), readLocaleDir('src/i18n/locales')]
function source(code: string, locale: string): string {
  for (const d of dirs) {
    const v = code.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), d[locale])
    if (typeof v === 'string') return v
  }
  throw new Error(`${code} in ${locale}`)
}
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]))].sort()

/** the codes written out in the server's sources, and those it builds from a value */
function codesInServer(): string[] {
  const out = new Set<string>()
  for (const f of files('township/server')) for (const m of readFileSync(f, 'utf8').matchAll(/(?:msg\(|code: )'((?:api|reports|supervision|alerts)\.[\w.]+)'/g)) out.add(m[1]!)
  for (const s of ['draft', 'submitted', 'approved', 'scheduled', 'published', 'rejected']) out.add(`publish.state.${s}`)
  for (const f of ['username', 'displayName']) out.add(`api.field.${f}`)
  for (const s of ['overdue', 'due_soon', 'pending', 'done', 'not_applicable']) out.add(`supervision.state_name.${s}`)
  for (const k of ['month', 'quarter', 'year']) out.add(`reports.title.${k}`)
  for (const k of ['creator', 'summary', 'items', 'code', 'village', 'item', 'title', 'due', 'on_time', 'late', 'missing', 'rate']) out.add(`reports.workbook.${k}`)
  return [...out]
}

describe('township server message codes', () => {
  it('every code the server names exists in zh-CN and en, with the same parameters in both', () => {
    expect(placeholders(source('api.revision_not_higher', 'en'))).toEqual(['latest', 'wanted'])
    const tr = consoleTranslator()
    const codes = codesInServer()
    expect(codes.length).toBeGreaterThan(80)
    for (const code of codes) {
      for (const locale of ['zh-CN', 'en']) expect(tr.has(code, locale), `${code} in ${locale}`).toBe(true)
      expect(placeholders(source(code, 'en')), code).toEqual(placeholders(source(code, 'zh-CN')))
    }
  })

  it('an error answers in Chinese and English from the message files, its message parameters translated too', () => {
    expect(new ApiError(401, 'auth.required', msg('api.auth_required')).body()).toEqual({ error: { code: 'auth.required', zh: '请先登录', en: 'please sign in', detail: {} } })
    expect(notFound(msg('api.thing.revision', { n: 3 })).words()).toEqual({ zh: '找不到第 3 版', en: 'not found: revision 3' })
    expect(zhEn({ code: 'api.draft_wrong_state', params: { state: msg('publish.state.submitted') } }).zh).toBe('草稿当前状态为“待审核”，不能进行此操作')
  })
})
