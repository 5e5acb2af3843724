/** Personal numbers in anything the feed will show: the same guard the kiosk applies, as errors to fix at the source. */
import { guardNotice, PII_REASON, scanText, type PiiKind } from '../../privacy'
import type { FeedContent } from '../types'
import type { LintFinding } from './types'

function finding(target: string, path: string, where: string, kind: PiiKind): LintFinding {
  const r = PII_REASON[kind]
  return {
    rule: 'privacy',
    severity: 'error',
    target,
    path,
    zh: `${where}含未遮蔽的个人信息。${r.zh}`,
    en: `${where}: unmasked personal data. ${r.en}`,
  }
}

export function lintPrivacy(content: FeedContent): LintFinding[] {
  const out: LintFinding[] = []
  content.notices.forEach((n, i) => {
    for (const f of guardNotice(n).findings) out.push(finding(n.id, `items[${i}].${f.field}`, `“${n.title}” ${f.field}`, f.kind))
  })
  content.checklist.forEach((c, i) => {
    for (const field of ['title', 'content', 'basis', 'owner', 'audience'] as const) {
      for (const f of scanText(c[field]).findings) out.push(finding(`checklist:${c.id}`, `_gongkai.checklist[${i}].${field}`, `清单“${c.title}”${field}`, f.kind))
    }
  })
  content.handbook?.chapters.forEach((c, i) => {
    for (const f of scanText(c.markdown).findings) out.push(finding(`handbook:${c.id}`, `_gongkai.handbook.chapters[${i}].content_markdown`, `手册“${c.title}”`, f.kind))
  })
  return out
}
