/** Personal numbers in anything the feed will show: the same guard the kiosk applies, as errors to fix at the source. */
import { guardNotice, PII_REASON, scanText, type PiiKind } from '../../privacy'
import type { FeedContent, Notice } from '../types'
import type { LintFinding } from './types'

type Place = { where: 'cell' | 'field' | 'checklist' | 'handbook'; params: Record<string, string | number> }

/**
 * `feed.lint.privacy_<where>`: the place, the masked value, then the privacy reason's own words
 * (privacy.json), which the message links to by the `reason` parameter (`@:{reason}`).
 */
function finding(target: string, path: string, place: Place, kind: PiiKind, masked?: string): LintFinding {
  return {
    rule: 'privacy',
    severity: 'error',
    target,
    path,
    code: `feed.lint.privacy_${place.where}`,
    params: { ...place.params, value: masked ? `“${masked}”` : '', reason: PII_REASON[kind].code },
  }
}

const label = (v: unknown) => (v === null || v === undefined || v === '' ? '' : `“${String(v)}”`)

/** table row 3 “李*”, column 2 “身份证号” and the masked cell, counted from 1 */
function cellPlace(masked: Notice, field: string, title: string): { place: Place; value?: string } | null {
  const m = /^table\[(\d+)\]\[(\d+)\]$/.exec(field)
  const t = masked.table
  if (!m || !t) return null
  const r = Number(m[1])
  const c = Number(m[2])
  const row = t.rows[r]
  return {
    place: { where: 'cell', params: { title, row: r + 1, rowLabel: label(row?.cells[0]), column: c + 1, columnLabel: label(t.columns[c]) } },
    value: row?.cells[c] === undefined || row.cells[c] === null ? undefined : String(row.cells[c]),
  }
}

export function lintPrivacy(content: FeedContent): LintFinding[] {
  const out: LintFinding[] = []
  content.notices.forEach((n, i) => {
    const guarded = guardNotice(n)
    for (const f of guarded.findings) {
      const cell = cellPlace(guarded.notice, f.field, n.title)
      if (cell) {
        out.push(finding(n.id, `items[${i}].${f.field}`, cell.place, f.kind, cell.value))
        continue
      }
      const text = f.field === 'title' || f.field === 'summary' || f.field === 'text' ? n[f.field] : undefined
      const masked = text ? scanText(text).findings.find((x) => x.kind === f.kind)?.masked : undefined
      out.push(finding(n.id, `items[${i}].${f.field}`, { where: 'field', params: { title: n.title, field: f.field } }, f.kind, masked))
    }
  })
  content.checklist.forEach((c, i) => {
    for (const field of ['title', 'content', 'basis', 'owner', 'audience'] as const) {
      for (const f of scanText(c[field]).findings) out.push(finding(`checklist:${c.id}`, `_gongkai.checklist[${i}].${field}`, { where: 'checklist', params: { title: c.title, field } }, f.kind, f.masked))
    }
  })
  content.handbook?.chapters.forEach((c, i) => {
    for (const f of scanText(c.markdown).findings) out.push(finding(`handbook:${c.id}`, `_gongkai.handbook.chapters[${i}].content_markdown`, { where: 'handbook', params: { title: c.title } }, f.kind, f.masked))
  })
  return out
}
