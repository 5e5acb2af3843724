/**
 * Every message code src/compliance, src/clerk (uploads, ledger import), src/import and the CLI's source reader can return
 * exists in zh-CN and en with the parameters it is given; what users read is the
 * translated text.
 */
import { describe, expect, it } from 'vitest'
import { EMPTY_CALENDAR, complianceOf, eventPeriod, periodByKey, publicityPeriod, type DisclosureRecord } from '../../../src/compliance'
import type { ChecklistItem, Frequency } from '../../../src/feed/types'
import { IMPORT_ERROR_CODES } from '../../../src/clerk/exportFormat'
import { UPLOAD_ERROR_CODES, httpError, uploadError } from '../../../src/clerk/uploadErrors'
import { msg } from '../../../src/i18n/message'
import { parseCsvTable } from '../../../src/import/csv'
import { decodeText } from '../../../src/import/decodeText'
import { splitFrontMatter } from '../../../src/import/frontMatter'
import { SourceError, type SourceProblem } from '../../../src/import/problem'
import { expectKnown, words } from '../../support/words'

const item = (frequency: Frequency): ChecklistItem => ({ id: 'X', category: 'cw', title: 'X', content: '', basis: '', frequency, channels: [], owner: '', audience: '' })
const rec = (periodKey: string, postedOn: string, takenDownOn?: string): DisclosureRecord => ({ itemId: 'X', periodKey, postedOn, ...(takenDownOn ? { takenDownOn } : {}) })

describe('compliance codes', () => {
  it('every period label exists in every locale', () => {
    const keys = [...Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`), '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-H1', '2026-H2', '2026']
    for (const k of keys) expectKnown(periodByKey(k)!.period.label)
    expectKnown(eventPeriod('2026-11-20', '2026-11-27').label)
    for (const t of ['calendar', 'working'] as const) expectKnown(publicityPeriod(rec('p', '2026-11-20'), 5, t, EMPTY_CALENDAR).label)
    expect(words(periodByKey('2026-Q4')!.period.label)).toEqual({ zh: '2026年第四季度', en: 'Q4 2026' })
    expect(words(publicityPeriod(rec('p', '2026-11-20'), 5, 'working', EMPTY_CALENDAR).label).zh).toBe('公示 2026-11-20 至 2026-11-27（5个工作日）')
  })

  it('every reason exists in every locale', () => {
    const reasons = [
      complianceOf(item({ type: 'long_term' }), [], '2026-11-27', EMPTY_CALENDAR).reason,
      complianceOf(item({ type: 'long_term' }), [rec('l', '2026-03-01', '2026-11-01')], '2026-11-27', EMPTY_CALENDAR).reason,
      complianceOf(item({ type: 'publicity', days: 7, day_type: 'calendar' }), [rec('p', '2026-11-20', '2026-11-22')], '2026-11-27', EMPTY_CALENDAR).reason,
      complianceOf(item({ type: 'publicity', days: 5, day_type: 'working' }), [rec('p', '2026-11-20', '2026-11-22')], '2026-11-27', EMPTY_CALENDAR).reason,
      complianceOf(item({ type: 'monthly' }), [rec('2026-08', '2026-09-05'), rec('2026-10', '2026-11-05')], '2026-11-27', EMPTY_CALENDAR).reason,
    ]
    expect(reasons.map((r) => r?.code)).toEqual([
      'compliance.reason.long_term_never',
      'compliance.reason.long_term_taken_down',
      'compliance.reason.taken_down_early.calendar',
      'compliance.reason.taken_down_early.working',
      'compliance.reason.missing',
    ])
    for (const r of reasons) expectKnown(r!)
    expect(words(reasons[2]!).zh).toBe('公示未满7天即撤下（2026-11-22撤下，应至少公示到2026-11-27），应重新公示')
  })
})

describe('clerk codes', () => {
  it('every upload error exists in every locale, also with the HTTP status or the console\'s words', async () => {
    for (const c of UPLOAD_ERROR_CODES) expectKnown(uploadError(c).message)
    const plain = await httpError(new Response('boom', { status: 500 }), 0)
    expectKnown(plain.message)
    expect(words(plain.message).zh).toBe('乡镇平台出错，稍后自动重试（HTTP 500）')
    const own = await httpError(Response.json({ error: { code: 'record.invalid', zh: '记录格式不对', en: 'invalid' } }, { status: 400 }), 0)
    expect(own).toMatchObject({ code: 'rejected:record.invalid', console: { zh: '记录格式不对', en: 'invalid' } })
    // the console's words are added when shown, in the reader's language
    expectKnown({ ...own.message, params: { ...own.message.params, console: '记录格式不对' } })
  })

  it('every ledger import error exists in every locale', () => {
    for (const c of IMPORT_ERROR_CODES) expect(words(msg(`clerk.import_error.${c}`)).zh, c).toMatch(/[\u4e00-\u9fff]/)
    for (const c of IMPORT_ERROR_CODES.filter((c) => c !== 'too_many_entries' && c !== 'too_big_total')) expectKnown(msg(`clerk.import_error.${c}`))
    expectKnown(msg('clerk.import_error.too_many_entries', { max: 1 }))
    expectKnown(msg('clerk.import_error.too_big_total', { mb: 1 }))
    expectKnown(msg('clerk.import_error.entry_too_big_at', { name: 'a', size: '1 MB', cap: '1 MB' }))
    expectKnown(msg('clerk.import_error.ratio_at', { name: 'a', ratio: 2 }))
    expectKnown({ code: 'clerk.import_error.other_village_named', params: { name: msg('clerk.import_error.another_village'), code: '1', here: msg('clerk.import_error.this_village'), hereCode: '2' } })
  })
})

describe('file check codes (src/import, the CLI\'s source reader)', () => {
  it('every problem the readers find exists in every locale', () => {
    const problems: SourceProblem[] = [...parseCsvTable('a,b\n"x\n', 'q.csv').problems, ...parseCsvTable('a,b,c\n1,2\n1,2,3,4\n', 't.csv').problems]
    const thrown = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        if (e instanceof SourceError) return problems.push(e.problem)
      }
      throw new Error('no SourceError')
    }
    thrown(() => decodeText(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]), 'x.csv'))
    for (const fm of ['title: 通知: 停水', 'title：停水', 'id: N-2', '\tx: 1', '- a']) thrown(() => splitFrontMatter(`---\nid: N-1\n${fm}\n---\nx`, 'n.md'))
    thrown(() => splitFrontMatter('---\n- a\n- b\n---\nx', 'n.md'))
    expect(new Set(problems.map((p) => p.message.code))).toEqual(
      new Set(['import.csv.quotes', 'import.csv.too_few', 'import.csv.too_many', 'import.encoding', 'import.front.colon_in_value', 'import.front.full_width_colon', 'import.front.bad_line', 'import.front.not_map']),
    )
    for (const p of problems) expectKnown(p.message)
    for (const what of ['duplicate_key', 'tab_indent', 'not_yaml']) expectKnown(msg(`import.front.${what}`))
  })

  it('every problem the CLI\'s source reader finds exists in every locale', () => {
    const v = { key: 'k', value: 'v', file: 'f', size: '1 MB', limit: '1 MB', column: 'c', as: 'a', detail: 'd' }
    const uses: Record<string, (keyof typeof v)[]> = {
      date: ['key', 'value'],
      bad_json: ['detail'],
      no_village_json: [],
      frequency: ['value'],
      publicity_days: ['value'],
      event_days: ['value'],
      attachment_missing: ['file'],
      attachment_too_big: ['file', 'size', 'limit'],
      row_kind: ['column', 'value'],
      read_as: ['key', 'value', 'as'],
      boolean: ['key', 'value'],
      table_missing: ['file'],
      attachments_total: ['size', 'limit'],
    }
    for (const [code, params] of Object.entries(uses)) expectKnown(msg(`import.source.${code}`, Object.fromEntries(params.map((p) => [p, v[p]]))))
  })
})
