/**
 * The shared parsing the CLI and the township console use for uploaded files:
 * encodings, CSV rows with their lines, front matter and dates as Chinese
 * offices write them.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../../src/import/decodeText'
import { parseCsvTable } from '../../../src/import/csv'
import { splitFrontMatter } from '../../../src/import/frontMatter'
import { parseLooseDate } from '../../../src/import/looseDate'
import { problemWords, SourceError } from '../../../src/import/problem'

const gbk = readFileSync(new URL('../../fixtures/gbk/checklist.csv', import.meta.url))

describe('decodeText', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode('村务公开'), 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('村务公开')]), 'utf-8'],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, 0x51, 0x67, 0xa1, 0x52]), 'utf-16le'],
  ])('%s', (_, bytes, encoding) => {
    const r = decodeText(bytes, 'a.csv')
    expect(r.encoding).toBe(encoding)
    expect(r.text.startsWith('\uFEFF')).toBe(false)
  })
  it('GBK from Excel is read as GB18030', () => {
    const r = decodeText(gbk, 'checklist.csv')
    expect(r.encoding).toBe('gb18030')
    expect(r.text).toContain('财务收支情况')
  })
  it('refuses what decodes to replacement characters, naming file and line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a\nb\n'), 0x81, 0x20])
    expect(() => decodeText(bytes, 'notices/x.md')).toThrow(SourceError)
    try {
      decodeText(bytes, 'notices/x.md')
    } catch (e) {
      expect((e as SourceError).problem).toMatchObject({ file: 'notices/x.md', line: 3 })
    }
  })
})

describe('parseCsvTable', () => {
  it('keeps quoted commas and line breaks, numbers rows by their first line, skips blank lines', () => {
    const { table, problems } = parseCsvTable('名称,金额\r\n"甲,乙","1,000"\r\n\r\n"两\n行",5\n', 't.csv')
    expect(problems).toEqual([])
    expect(table.rows).toEqual([{ line: 2, cells: ['甲,乙', '1,000'] }, { line: 4, cells: ['两\n行', '5'] }])
  })
  it('a row with too few or too many fields is a problem with its line and text; a trailing empty field is not', () => {
    const { problems } = parseCsvTable('a,b,c\n1,2\n1,2,3,\n1,2,3,4\n', 't.csv')
    expect(problems.map((p) => [p.line, p.message.code])).toEqual([[2, 'import.csv.too_few'], [4, 'import.csv.too_many']])
    expect(problems.map((p) => [p.line, problemWords(p).zh.split('（')[0]])).toEqual([[2, '这一行有 2 项，表头有 3 项'], [4, '这一行有 4 项，表头有 3 项']])
    expect(problemWords(problems[1]!).zh).toContain('“1,2,3,4”')
  })
})

describe('splitFrontMatter', () => {
  it('gives data, body and the line of every key', () => {
    const r = splitFrontMatter('---\nid: N-1\ntitle: "通知: 停水"\n---\n正文\n', 'n.md')
    expect(r).toMatchObject({ data: { id: 'N-1', title: '通知: 停水' }, body: '正文\n', keyLines: { id: 2, title: 3 } })
  })
  it.each([
    ['title: 通知: 停水', 3, 'title 的值“通知: 停水”里有冒号'],
    ['title：停水', 3, '中文冒号'],
    ['id: N-2', 3, '同一个字段写了两次'],
  ])('%s → line %i', (line, at, zh) => {
    try {
      splitFrontMatter(`---\nid: N-1\n${line}\n---\nx`, 'n.md')
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(SourceError)
      expect((e as SourceError).problem.line).toBe(at)
      expect(problemWords((e as SourceError).problem).zh).toContain(zh)
    }
  })
})

describe('parseLooseDate', () => {
  it.each([
    ['2026-10-05', false, '2026-10-05T00:00:00+08:00', false],
    ['2026/10/5', true, '2026-10-05T23:59:59+08:00', true],
    ['2026年10月5日', false, '2026-10-05T00:00:00+08:00', true],
    ['2026.10.5', false, '2026-10-05T00:00:00+08:00', true],
    ['2026-10-5 9:30', false, '2026-10-05T09:30:00+08:00', true],
    ['2026年10月5日 9时30分', false, '2026-10-05T09:30:00+08:00', true],
    ['2026-10-05 18:00', false, '2026-10-05T18:00:00+08:00', false],
    ['2026-10-05T18:00:00Z', false, '2026-10-05T18:00:00Z', false],
  ])('%s', (s, end, value, rewritten) => {
    expect(parseLooseDate(s, end)).toEqual({ value, rewritten })
  })
  it.each(['2026/13/5', '2026-02-30', '10月5日', '下周一', '2026/10/5 25:00'])('%s is not a date', (s) => {
    expect(parseLooseDate(s)).toBeNull()
  })
})
