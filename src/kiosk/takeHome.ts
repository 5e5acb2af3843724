/**
 * What the "扫码带走" QR code carries: the item's own address when the feed
 * gives one, otherwise its title, dates and as much of a plain-text summary as
 * fits a QR code a phone still reads easily from a screen.
 */

/** UTF-8 bytes a QR code should carry at most: about version 15 at level M, still easy to scan from a screen. */
export const TAKE_HOME_MAX_BYTES = 420

export interface TakeHomeSource {
  title: string
  url?: string
  /** already formatted, e.g. "公示期：2026年11月24日 至 2026年12月3日" */
  dates?: string
  /** plain text: notice text, summary or chapter Markdown stripped of markup */
  body?: string
  /** e.g. the village name, so the text says where it comes from */
  source?: string
}

const utf8 = new TextEncoder()
const bytes = (s: string) => utf8.encode(s).length

/** **bold** or __bold__ not touching a letter or digit outside (a mask's stars always do) */
const EMPHASIS = /(?<![0-9A-Za-z*_])(\*\*|__)(?=[^\s*_])([^*_\n]*?[^\s*_])\1(?![0-9A-Za-z*_])/g

/** Markdown or HTML to plain text good enough for a summary. */
export function plainText(s: string): string {
  return s
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    // Markdown emphasis goes, a mask stays: "**低保**" → 低保, but 110105********002X and 138****5678 keep their stars
    .replace(EMPHASIS, '$2')
    .replace(/^[#>\-*+\s]+/gm, '')
    .replace(/[`|]/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim()
}

export function takeHomePayload(src: TakeHomeSource, maxBytes = TAKE_HOME_MAX_BYTES): string {
  if (src.url) return src.url
  const head = [src.source, src.title, src.dates].filter(Boolean).join('\n')
  const body = src.body ? plainText(src.body) : ''
  if (!body) return truncateBytes(head, maxBytes)
  const room = maxBytes - bytes(head) - 1
  if (room <= 8) return truncateBytes(head, maxBytes)
  return `${head}\n${truncateBytes(body, room)}`
}

/** Cuts text to at most maxBytes of UTF-8, on a character boundary, marking the cut with "…". */
export function truncateBytes(text: string, maxBytes: number): string {
  if (bytes(text) <= maxBytes) return text
  const chars = Array.from(text)
  let out = ''
  let used = 0
  const ellipsis = bytes('…')
  for (const ch of chars) {
    const b = bytes(ch)
    if (used + b + ellipsis > maxBytes) break
    out += ch
    used += b
  }
  return `${out}…`
}
