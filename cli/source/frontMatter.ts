/** Markdown files with YAML front matter between --- lines. */
import { parse } from 'yaml'

export interface MarkdownFile {
  data: Record<string, unknown>
  body: string
}

export function splitFrontMatter(text: string): MarkdownFile {
  const s = text.replace(/^\uFEFF/, '')
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(s)
  if (!m) return { data: {}, body: s }
  const data: unknown = parse(m[1]!)
  return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, body: s.slice(m[0].length) }
}
