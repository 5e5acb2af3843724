/**
 * What a reader sees of a string, for the privacy guard (issue 18 §3): a
 * number split by a zero-width space, a soft hyphen, an empty tag, <wbr> or
 * an entity for one digit is still one number on screen, so it is scanned as
 * one. visibleText() maps each visible character back to its place in the
 * source, so guard.ts can mask the number where it is written.
 *
 * Invisible characters — zero-width space/joiners, soft hyphen, word joiner,
 * BOM, and the bidirectional controls that can make text read backwards
 * (U+202A–202E, U+2066–2069, LRM/RLM) — are also removed from what is shown
 * (issue 18 §12).
 */

export const INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g
const HAS_INVISIBLE = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/

/** the string without invisible and bidi-control characters (the same string when it has none) */
export function stripInvisible(s: string): string {
  return HAS_INVISIBLE.test(s) ? s.replace(INVISIBLE, '') : s
}

export const hasInvisible = (s: string) => HAS_INVISIBLE.test(s)

/** the same set as INVISIBLE, for one UTF-16 unit (no regex per character) */
function isInvisible(c: number): boolean {
  return c === 0xad || c === 0x61c || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', shy: '\u00AD', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', zwsp: '\u200B', ZeroWidthSpace: '\u200B', zwnj: '\u200C', zwj: '\u200D', lrm: '\u200E', rlm: '\u200F',
  NoBreak: '\u2060', ideographicspace: '\u3000', hyphen: '\u2010', dash: '\u2010', minus: '\u2212',
}

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,31}));/y

/** the character an entity at `at` stands for, and its length; null when there is none */
export function entityAt(s: string, at: number): { text: string; length: number } | null {
  ENTITY.lastIndex = at
  const m = ENTITY.exec(s)
  if (!m) return null
  let text: string | undefined
  if (m[1] !== undefined || m[2] !== undefined) {
    const cp = m[1] !== undefined ? parseInt(m[1], 10) : parseInt(m[2]!, 16)
    text = cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined
  } else text = Object.hasOwn(NAMED, m[3]!) ? NAMED[m[3]!] : undefined
  return text === undefined ? null : { text, length: m[0].length }
}

/** Decodes the entities visibleText knows (numeric, and the named ones that hide digits or space). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  let out = ''
  for (let i = 0; i < s.length; ) {
    const e = s[i] === '&' ? entityAt(s, i) : null
    if (e) {
      out += e.text
      i += e.length
    } else out += s[i++]
  }
  return out
}

/** tags that do not break a line of text: a number may run across them */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr'])
/** Markdown emphasis and code marks: not shown, so a number may run across them */
const MD_MARKS = new Set(['*', '_', '`', '~'])

export interface VisibleText {
  text: string
  /** source offset where visible character i starts, and where it ends */
  from: number[]
  to: number[]
}

/**
 * The text of HTML or Markdown as shown: tags removed (a block tag becomes a
 * line break, so no number runs across it), entities decoded, invisible
 * characters and Markdown marks left out.
 */
export function visibleText(src: string, mode: 'html' | 'markdown', withMap = true): VisibleText {
  let text = ''
  // the map costs two numbers a character: built only when a number was found (withMap)
  const from: number[] = []
  const to: number[] = []
  const push = (s: string, start: number, end: number) => {
    const kept = s.length === 1 ? (isInvisible(s.charCodeAt(0)) ? '' : s) : stripInvisible(s)
    text += kept
    if (withMap) {
      for (let k = 0; k < kept.length; k++) {
        from.push(start)
        to.push(end)
      }
    }
  }
  for (let i = 0; i < src.length; ) {
    const c = src[i]!
    if (mode === 'html' && c === '<') {
      if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i + 4)
        i = end === -1 ? src.length : end + 3
        continue
      }
      const m = /^<\/?([A-Za-z][A-Za-z0-9-]*)[^>]*>/.exec(src.slice(i, i + 2048))
      if (m) {
        if (!INLINE.has(m[1]!.toLowerCase())) push('\n', i, i + m[0].length)
        i += m[0].length
        continue
      }
    }
    if (c === '&') {
      const e = entityAt(src, i)
      if (e) {
        push(e.text, i, i + e.length)
        i += e.length
        continue
      }
    }
    if (mode === 'markdown' && MD_MARKS.has(c)) {
      i++
      continue
    }
    push(c, i, i + 1)
    i++
  }
  return { text, from, to }
}

/** what of the source between two visible characters must stay: tags (html) or Markdown marks */
export function keptMarkup(src: string, mode: 'html' | 'markdown'): string {
  if (mode === 'html') return (src.match(/<(?!!--)[^>]*>/g) ?? []).join('')
  return [...src].filter((c) => MD_MARKS.has(c)).join('')
}
