/**
 * Last line of defence: personal numbers in every string of a feed that is
 * shown — notices, and the feed's title, village, categories, handbook and
 * chapter titles, chapter text, checklist items and their channels — are
 * masked before they are stored (so never displayed), after normalising as a
 * reader sees it (privacy/visibleText.ts: invisible characters, tags,
 * entities). The places where that happened are recorded for #/status so the
 * township can fix the source.
 */
import type { FeedContent } from '../feed/types'
import type { PrivacyFinding } from '../db'
import { guardMarkup, guardNotice, scanText } from '../privacy'

type Fields = PrivacyFinding['fields']

/** scanText for one shown string, noting what was masked under `field` */
function shown(value: string, field: string, fields: Fields): string {
  const g = scanText(value)
  for (const f of g.findings) fields.push({ field, kind: f.kind })
  return g.text
}

export function guardFeedContent(content: FeedContent): { content: FeedContent; privacyFindings: PrivacyFinding[] } {
  const privacyFindings: PrivacyFinding[] = []
  const notices = content.notices.map((n) => {
    const g = guardNotice(n)
    if (g.findings.length) privacyFindings.push({ noticeId: n.id, title: g.notice.title, fields: g.findings })
    return g.notice
  })

  const feedFields: Fields = []
  const title = shown(content.title, 'title', feedFields)
  const village = {
    ...content.village,
    name: shown(content.village.name, 'village.name', feedFields),
    township: shown(content.village.township, 'village.township', feedFields),
    county: shown(content.village.county, 'village.county', feedFields),
  }
  const categories = content.categories.map((c, i) => ({ ...c, title: shown(c.title, `categories[${i}].title`, feedFields) }))
  if (feedFields.length) privacyFindings.push({ noticeId: 'feed', title, fields: feedFields })

  const handbookFields: Fields = []
  const handbook = content.handbook && {
    ...content.handbook,
    title: shown(content.handbook.title, 'handbook.title', handbookFields),
    chapters: content.handbook.chapters.map((c) => {
      const fields: Fields = []
      const chapterTitle = shown(c.title, 'title', fields)
      const md = guardMarkup(c.markdown, 'markdown')
      for (const kind of md.kinds) fields.push({ field: 'markdown', kind })
      if (fields.length) privacyFindings.push({ noticeId: `handbook:${c.id}`, title: chapterTitle, fields })
      return chapterTitle === c.title && md.text === c.markdown ? c : { ...c, title: chapterTitle, markdown: md.text }
    }),
  }
  if (handbookFields.length) privacyFindings.push({ noticeId: 'handbook', title: handbook!.title, fields: handbookFields })

  const checklist = content.checklist.map((item) => {
    const fields: Fields = []
    const masked = { ...item }
    for (const field of ['title', 'content', 'basis', 'owner', 'audience'] as const) masked[field] = shown(item[field], field, fields)
    masked.channels = item.channels.map((ch, i) => shown(ch, `channels[${i}]`, fields))
    if (fields.length) privacyFindings.push({ noticeId: `checklist:${item.id}`, title: masked.title, fields })
    return masked
  })
  return { content: { ...content, title, village, categories, notices, handbook, checklist }, privacyFindings }
}
