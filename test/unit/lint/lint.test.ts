/**
 * Each lint rule catches its mistake, stays quiet on a correct feed, and can be
 * switched off per notice (except schema errors).
 */
import { afterAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { lintContent, lintDocument as lintOnce, type LintFinding, type LintResult } from '../../../src/feed/lint'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import { baseFeed, type Json } from '../../support/feeds'
import { en, zh } from '../../support/words'

/** every finding these tests see: afterAll checks each is worded, and that each lint message is seen */
const seen: LintFinding[] = []
const lintDocument = (...args: Parameters<typeof lintOnce>): LintResult => {
  const r = lintOnce(...args)
  seen.push(...r.findings, ...r.ignored)
  return r
}
const LINT_CODES = Object.keys((JSON.parse(readFileSync('src/i18n/locales/zh-CN/feed.json', 'utf8')) as { lint: Record<string, string> }).lint).map((k) => `feed.lint.${k}`)
afterAll(() => {
  for (const f of seen) {
    for (const text of [zh(f), en(f)]) {
      expect(text, f.code).not.toBe(f.code)
      // a placeholder left unfilled, or a linked privacy reason that did not resolve
      expect(text, f.code).not.toMatch(/[{}]|privacy\.reason/)
    }
  }
  expect(LINT_CODES.filter((c) => !seen.some((f) => f.code === c))).toEqual([])
})

const today = '2026-11-27'
const rules = (r: LintResult) => r.findings.map((f) => `${f.rule}@${f.target}`)

function financeFeed(): Json {
  const f = baseFeed(1)
  f.items[1]._gongkai.table = {
    kind: 'finance',
    caption: '第三季度收支表',
    unit: '元',
    columns: ['项目', '7月', '8月', '9月', '季度合计'],
    rows: [
      { kind: 'opening', cells: ['期初余额', 1000, 1100, 1050, 1000] },
      { kind: 'income', cells: ['租金', 300, 0, 200, 500] },
      { kind: 'income_total', cells: ['收入合计', 300, 0, 200, 500] },
      { kind: 'expense', cells: ['报酬', 200, 50, 100, 350] },
      { kind: 'expense_total', cells: ['支出合计', 200, 50, 100, 350] },
      { kind: 'closing', cells: ['期末余额', 1100, 1050, 1150, 1150] },
    ],
  }
  return f
}

describe('lint', () => {
  it('finds nothing in a correct feed, nor in the demo feed', () => {
    expect(rules(lintDocument(financeFeed(), { today }))).toEqual([])
    expect(rules(lintDocument(JSON.parse(readFileSync('demo/feed.source.json', 'utf8')), { today }))).toEqual([])
  })

  it('privacy: a valid ID number, a mobile and a Luhn-valid card in text and table cells', () => {
    const f = financeFeed()
    f.items[0].content_text = '联系人手机 13812345678。身份证 11010519491231002X。'
    f.items[1]._gongkai.table.rows[1].cells[0] = '租金 卡号6217000000001234560'
    const r = lintDocument(f, { today })
    const kinds = r.findings.filter((x) => x.rule === 'privacy').map(zh)
    expect(kinds.some((z) => z.includes('手机号码'))).toBe(true)
    expect(kinds.some((z) => z.includes('身份证'))).toBe(true)
    expect(kinds.some((z) => z.includes('银行卡') || z.includes('卡号'))).toBe(true)
    expect(r.findings.some((x) => x.rule === 'privacy' && x.target === 'N-2')).toBe(true)
    // never the raw number in a message
    expect(JSON.stringify(r)).not.toContain('13812345678')
  })

  it('privacy: dates, amounts and document numbers are not personal data', () => {
    const f = financeFeed()
    f.items[0].content_text = '〔2026〕12号 2026-11-27 20261127 金额 1234567.89 元'
    expect(rules(lintDocument(f, { today }))).toEqual([])
  })

  it('finance-reconcile: a column that does not add up, and a wrong subtotal', () => {
    const f = financeFeed()
    f.items[1]._gongkai.table.rows[5].cells[2] = 1060 // 8月 closing
    f.items[1]._gongkai.table.rows[2].cells[1] = 310 // 7月 income total ≠ rows
    const r = lintDocument(f, { today })
    const msgs = r.findings.filter((x) => x.rule === 'finance-reconcile').map(zh)
    expect(msgs.some((m) => m.includes('“8月”列对不上') && m.includes('1050.00') && m.includes('1060.00'))).toBe(true)
    expect(msgs.some((m) => m.includes('“7月”列收入合计 310.00'))).toBe(true)
  })

  it('finance-carry: a month that does not open with the previous closing, and a table after another', () => {
    const f = financeFeed()
    f.items[1]._gongkai.table.rows[0].cells[3] = 1040 // 9月 opening ≠ 8月 closing 1050
    f.items[1]._gongkai.table.rows[5].cells[3] = 1140
    f.items[1]._gongkai.table.rows[0].cells[4] = 1000
    expect(rules(lintDocument(f, { today }))).toContain('finance-carry@N-2')

    const g = financeFeed()
    g.items.push({
      id: 'N-3',
      title: '10月财务公开',
      content_text: '10月收支',
      date_published: '2026-11-09T09:00:00+08:00',
      _gongkai: { category: 'finance', checklist_item: 'CF-01', table: { kind: 'finance', columns: ['项目', '10月'], rows: [{ kind: 'opening', cells: ['期初余额', 999] }, { kind: 'closing', cells: ['期末余额', 999] }] } },
    })
    const r = lintDocument(g, { today })
    expect(rules(r)).toEqual(['finance-carry@N-3'])
    expect(zh(r.findings[0]!)).toContain('1150.00')
  })

  it('publicity-no-end and publicity-too-short, in calendar and working days', () => {
    const noEnd = baseFeed(1)
    delete noEnd.items[0]._gongkai.expires
    expect(rules(lintDocument(noEnd, { today }))).toEqual(['publicity-no-end@N-1'])

    const short = baseFeed(1)
    short.items[0]._gongkai.expires = '2026-11-29T18:00:00+08:00' // 7 days from 11-24 need 11-30
    const r = lintDocument(short, { today })
    expect(rules(r)).toEqual(['publicity-too-short@N-1'])
    expect(zh(r.findings[0]!)).toContain('2026-11-30')

    const working = baseFeed(1)
    working._gongkai.checklist[1].frequency = { type: 'publicity', days: 5, day_type: 'working' }
    working._gongkai.holidays = ['2026-11-27']
    working.items[0]._gongkai.expires = '2026-11-30T18:00:00+08:00' // Mon 24..Thu 26, (Fri holiday), Mon 30 = 4 working days
    expect(rules(lintDocument(working, { today }))).toEqual(['publicity-too-short@N-1'])
    working.items[0]._gongkai.expires = '2026-12-01T18:00:00+08:00'
    expect(rules(lintDocument(working, { today }))).toEqual([])
  })

  it('expired-pinned: an ended notice still pinned', () => {
    const f = baseFeed(1)
    f.items[0]._gongkai.pinned = true
    f.items[0]._gongkai.expires = '2026-12-03T18:00:00+08:00'
    expect(rules(lintDocument(f, { today: '2026-12-10' }))).toEqual(['expired-pinned@N-1'])
    expect(rules(lintDocument(f, { today }))).toEqual([])
  })

  it('unknown-checklist-item gets its own rule id and cannot be ignored', () => {
    const f = baseFeed(1)
    f.items[0]._gongkai.checklist_item = 'NOPE'
    const r = lintDocument(f, { today, ignore: { '': ['unknown-checklist-item'], 'N-1': ['unknown-checklist-item'] } })
    expect(rules(r)).toEqual(['unknown-checklist-item@'])
    expect(r.findings[0]!.path).toBe('items[0]._gongkai.checklist_item')
  })

  it('lint_ignore switches a rule off for that notice only and lists what it hid', () => {
    const f = baseFeed(1)
    delete f.items[0]._gongkai.expires
    f.items[1].content_text = '手机 13812345678'
    const r = lintDocument(f, { today, ignore: { 'N-1': ['publicity-no-end'], 'N-2': ['finance-reconcile'] } })
    expect(rules(r)).toEqual(['privacy@N-2'])
    expect(r.ignored.map((x) => x.rule)).toEqual(['publicity-no-end'])
    expect(r.errors).toBe(1)
  })

  it.each<[string, (f: Json) => void, string, string]>([
    ['a plain table that reads like a finance statement', (f) => (f.items[1]._gongkai.table = { kind: 'plain', columns: ['项目', '金额'], rows: [['期末余额', 100]] }), 'finance-unchecked', '看起来是财务收支表（有“期末余额”）'],
    ['a finance table whose anchor rows hold no amounts', (f) => (f.items[1]._gongkai.table.rows = [{ kind: 'opening', cells: ['期初余额', '—'] }, { kind: 'closing', cells: ['期末余额', '—'] }]), 'finance-unchecked', '财务表“收支表”的期初、期末行没有一列全是金额'],
    ['a finance table without 期初/期末', (f) => (f.items[1]._gongkai.table.rows = [{ kind: 'income', cells: ['租金', 1] }]), 'finance-unchecked', '财务表“收支表”缺少期初或期末行'],
    ['a wrong expense subtotal', (f) => Object.assign(f, financeFeed()).items[1]._gongkai.table.rows[4].cells.splice(1, 1, 999), 'finance-reconcile', '“7月”列支出合计 999.00 不等于各明细之和 200.00'],
    ['a 公示 with no checklist item', (f) => delete f.items[0]._gongkai.checklist_item, 'publicity-unlinked', '没有写 checklist_item，无法检查公示期是否够长'],
    ['a 公示 with neither item nor end', (f) => (delete f.items[0]._gongkai.checklist_item, delete f.items[0]._gongkai.expires), 'publicity-unlinked', '没有写 checklist_item 和 expires'],
    ['a 公示 under a non-公示 item, with no end', (f) => ((f.items[0]._gongkai.checklist_item = 'CF-01'), delete f.items[0]._gongkai.expires), 'publicity-unlinked', '没有写 expires'],
    ['a working-day 公示 with no end', (f) => ((f._gongkai.checklist[1].frequency = { type: 'publicity', days: 5, day_type: 'working' }), delete f.items[0]._gongkai.expires), 'publicity-no-end', '须公示 5个工作日'],
    ['a mobile number in a checklist owner', (f) => (f._gongkai.checklist[0].owner = '村委会 13812345678'), 'privacy', '清单“财务收支情况”owner含未遮蔽的个人信息“138****5678”。手机号码'],
    ['a mobile number in a handbook chapter', (f) => (f._gongkai.handbook.chapters[0].content_markdown += ' 13812345678'), 'privacy', '手册“总则”含未遮蔽的个人信息“138****5678”。手机号码'],
  ])('words every finding: %s', (_name, mutate, rule, text) => {
    const f = baseFeed(1)
    mutate(f)
    const found = lintDocument(f, { today }).findings.filter((x) => x.rule === rule)
    expect(found.map(zh).join('\n')).toContain(text)
  })

  it('words an unknown checklist item met outside the validator (lintContent)', () => {
    const v = validateFeed(baseFeed(1))
    if (!v.ok) throw new Error('base feed invalid')
    const content = normalizeFeed(v.feed, 'https://feed.invalid/feed.json')
    content.notices[0]!.checklistItem = 'NOPE'
    const r = lintContent(content, { today })
    seen.push(...r.findings)
    expect(r.findings.map(zh)).toContain('指向不存在的清单事项“NOPE”')
  })
})
