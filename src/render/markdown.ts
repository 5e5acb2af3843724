/** Handbook Markdown to safe HTML: markdown-it with raw HTML off, then the shared sanitiser. */
import MarkdownIt from 'markdown-it'
import { sanitizeHtml } from './sanitize'

const md = new MarkdownIt({ html: false, linkify: false, typographer: false })

export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source))
}
