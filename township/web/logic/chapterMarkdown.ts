/**
 * A handbook chapter is Markdown in the feed (kiosks render it with raw HTML
 * off); the console edits it in the rich-text editor. The editor's sanitised
 * HTML becomes Markdown with Turndown; a published chapter's Markdown comes
 * back into the editor through markdown-it (raw HTML off, as the kiosk) and
 * the same sanitiser.
 */
import MarkdownIt from 'markdown-it'
import TurndownService from 'turndown'
import { sanitizeBody } from './sanitizeBody'

const md = new MarkdownIt({ html: false, linkify: false, typographer: false })
const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '*' })

export function chapterMarkdown(html: string): string {
  const clean = sanitizeBody(html)
  return clean ? turndown.turndown(clean).trim() : ''
}

export function chapterHtml(markdown: string): string {
  return sanitizeBody(md.render(markdown))
}
