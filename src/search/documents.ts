/**
 * What gets indexed: FeedContent → SearchDoc[]. Pure and DOM-free (it runs in
 * a Web Worker, where there is no DOMParser): HTML and Markdown are reduced to
 * their words with a few regular expressions; that is enough to find them.
 */
import type { FeedContent, Notice, NoticeTable } from '../feed/types'
import type { SearchDoc } from './types'

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** The text of an HTML fragment: tags become breaks, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' \n ')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
        return Number.isFinite(code) ? String.fromCodePoint(code) : m
      }
      return ENTITIES[e.toLowerCase()] ?? m
    })
}

/** The words of a Markdown text: link targets and markup characters dropped. */
export function markdownToText(md: string): string {
  return htmlToText(md)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~|]+/g, ' ')
}

function tableText(t: NoticeTable): string {
  // cells are joined with a middle dot, which stops a match running from one cell into the next
  const lines = [t.caption, t.columns.join(' · '), ...t.rows.map((r) => r.cells.map((c) => (c === null ? '' : String(c))).join(' · '))]
  return lines.filter(Boolean).join('\n')
}

function noticeBody(n: Notice): string {
  const parts = [n.summary ?? '', n.text ?? (n.html ? htmlToText(n.html) : ''), n.table ? tableText(n.table) : '', n.tags.join(' · ')]
  return parts
    .filter(Boolean)
    .join('\n')
    .replace(/[ \t]*\n[\s]*/g, '\n')
    .trim()
}

export function documentsOf(content: Pick<FeedContent, 'notices' | 'checklist' | 'handbook'>): SearchDoc[] {
  const docs: SearchDoc[] = []
  for (const n of content.notices) {
    const doc: SearchDoc = { kind: 'notice', id: n.id, title: n.title, body: noticeBody(n) }
    if (n.published) doc.published = n.published
    if (n.expires) doc.expires = n.expires
    docs.push(doc)
  }
  for (const c of content.checklist) {
    const body = [c.content, c.basis, c.owner, c.audience, c.channels.join(' · ')].filter(Boolean).join('\n')
    docs.push({ kind: 'checklist', id: c.id, title: c.title, body })
  }
  for (const ch of content.handbook?.chapters ?? []) {
    docs.push({ kind: 'chapter', id: ch.id, title: ch.title, body: markdownToText(ch.markdown).replace(/[ \t]*\n[\s]*/g, '\n').trim() })
  }
  return docs
}
