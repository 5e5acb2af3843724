/** Personal numbers in anything the feed will show: the same guard the kiosk applies, as errors to fix at the source. */
import { kioskTranslator } from '../../i18n/node'
import { guardNotice, PII_REASON, scanText, type PiiKind } from '../../privacy'
import type { FeedContent, Notice } from '../types'
import type { LintFinding } from './types'

function finding(target: string, path: string, where: string, kind: PiiKind, masked?: string): LintFinding {
  const r = kioskTranslator().zhEn(PII_REASON[kind])
  const value = masked ? `“${masked}”` : ''
  return {
    rule: 'privacy',
    severity: 'error',
    target,
    path,
    zh: `${where}含未遮蔽的个人信息${value}。${r.zh}`,
    en: `${where}: unmasked personal data${value ? ` ${value}` : ''}. ${r.en}`,
  }
}

const label = (v: unknown) => (v === null || v === undefined || v === '' ? '' : `“${String(v)}”`)

/** "表格第 3 行“李*”、第 2 列“身份证号”" and the masked cell, counted from 1 */
function cellPlace(masked: Notice, field: string): { where: string; value?: string } | null {
  const m = /^table\[(\d+)\]\[(\d+)\]$/.exec(field)
  const t = masked.table
  if (!m || !t) return null
  const r = Number(m[1])
  const c = Number(m[2])
  const row = t.rows[r]
  return { where: `表格第 ${r + 1} 行${label(row?.cells[0])}、第 ${c + 1} 列${label(t.columns[c])}`, value: row?.cells[c] === undefined || row.cells[c] === null ? undefined : String(row.cells[c]) }
}

export function lintPrivacy(content: FeedContent): LintFinding[] {
  const out: LintFinding[] = []
  content.notices.forEach((n, i) => {
    const guarded = guardNotice(n)
    for (const f of guarded.findings) {
      const cell = cellPlace(guarded.notice, f.field)
      if (cell) {
        out.push(finding(n.id, `items[${i}].${f.field}`, `“${n.title}” ${cell.where}`, f.kind, cell.value))
        continue
      }
      const text = f.field === 'title' || f.field === 'summary' || f.field === 'text' ? n[f.field] : undefined
      const masked = text ? scanText(text).findings.find((x) => x.kind === f.kind)?.masked : undefined
      out.push(finding(n.id, `items[${i}].${f.field}`, `“${n.title}” ${f.field}`, f.kind, masked))
    }
  })
  content.checklist.forEach((c, i) => {
    for (const field of ['title', 'content', 'basis', 'owner', 'audience'] as const) {
      for (const f of scanText(c[field]).findings) out.push(finding(`checklist:${c.id}`, `_gongkai.checklist[${i}].${field}`, `清单“${c.title}”${field}`, f.kind, f.masked))
    }
  })
  content.handbook?.chapters.forEach((c, i) => {
    for (const f of scanText(c.markdown).findings) out.push(finding(`handbook:${c.id}`, `_gongkai.handbook.chapters[${i}].content_markdown`, `手册“${c.title}”`, f.kind, f.masked))
  })
  return out
}
