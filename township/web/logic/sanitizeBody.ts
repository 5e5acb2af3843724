/**
 * The rich-text editor's HTML as the feed stores it: DOMPurify with what the
 * editor makes (paragraphs, headings, lists, emphasis, tables, links) and
 * nothing else. Kiosks sanitise again when they show it.
 */
import DOMPurify from 'dompurify'

const TAGS = ['p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'hr', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'pre']

export function sanitizeBody(html: string): string {
  const clean = DOMPurify.sanitize(html, { ALLOWED_TAGS: TAGS, ALLOWED_ATTR: ['href', 'colspan', 'rowspan'], ALLOW_DATA_ATTR: false })
  return clean === '<p></p>' ? '' : clean
}
