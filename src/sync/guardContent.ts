/**
 * Last line of defence: personal numbers in feed text are masked before they
 * are stored (so never displayed), and the notices where that happened are
 * recorded for #/status so the township can fix the source.
 */
import type { FeedContent } from '../feed/types'
import type { PrivacyFinding } from '../db'
import { guardNotice, scanText } from '../privacy'

export function guardFeedContent(content: FeedContent): { content: FeedContent; privacyFindings: PrivacyFinding[] } {
  const privacyFindings: PrivacyFinding[] = []
  const notices = content.notices.map((n) => {
    const g = guardNotice(n)
    if (g.findings.length) privacyFindings.push({ noticeId: n.id, title: g.notice.title, fields: g.findings })
    return g.notice
  })
  const handbook = content.handbook && {
    ...content.handbook,
    chapters: content.handbook.chapters.map((c) => {
      const g = scanText(c.markdown)
      if (!g.findings.length) return c
      privacyFindings.push({ noticeId: `handbook:${c.id}`, title: c.title, fields: g.findings.map((f) => ({ field: 'markdown', kind: f.kind })) })
      return { ...c, markdown: g.text }
    }),
  }
  const checklist = content.checklist.map((item) => {
    const fields: PrivacyFinding['fields'] = []
    const masked = { ...item }
    for (const field of ['title', 'content', 'basis', 'owner', 'audience'] as const) {
      const g = scanText(item[field])
      for (const f of g.findings) fields.push({ field, kind: f.kind })
      masked[field] = g.text
    }
    if (!fields.length) return item
    privacyFindings.push({ noticeId: `checklist:${item.id}`, title: masked.title, fields })
    return masked
  })
  return { content: { ...content, notices, handbook, checklist }, privacyFindings }
}
