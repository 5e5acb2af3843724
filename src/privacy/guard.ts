/**
 * The privacy guard: finds resident ID numbers, mainland mobiles and bank
 * card numbers in text and table cells and masks them before anything is
 * stored or shown. The raw value never leaves these functions: findings carry
 * only the masked form and offsets in the masked text.
 *
 * How a number is found (docs/privacy.md has the full rules):
 * - Candidates are runs of digits (ASCII or full-width, an ID may end in X).
 *   A dash joins digit groups into one unit (138-0000-0000, 2026-11-27);
 *   a single space only places units side by side, so "共 12 户 13800138000"
 *   still finds the mobile.
 * - A unit is never split: a digit run longer than a pattern (a 20-digit
 *   serial, 13800138000-01) is not masked. Units next to each other are tried
 *   together, longest first, in the usual written groupings
 *   (138 0000 0000, 6217 0000 0000 0000, 340000 19500101 011X, +86 138…).
 * - A run touching a Latin letter (GK-2026-0128, No13800138000) is a code and
 *   a run touching a decimal point (1234567.89) is an amount: neither is masked.
 */
import type { Notice, NoticeTable } from '../feed/types'
import { maskCard, maskId, maskMobile } from './mask'
import { msg, type Message } from '../i18n/message'
import { isBankCard, isCnId18Shape, isMainlandMobile, isPlausibleCnId15, isValidCnId18 } from './validators'
import { decodeEntities, hasInvisible, keptMarkup, stripInvisible, visibleText } from './visibleText'

export type PiiKind = 'id18' | 'id18_check' | 'id15' | 'mobile' | 'bank_card'

/** One masked value. Offsets are in the MASKED text; the raw value is never kept. */
export interface PiiFinding {
  kind: PiiKind
  masked: string
  start: number
  end: number
}

/** Why a value was masked: shown to clerks after saving and on #/status (text in i18n/locales/<locale>/privacy.json). */
export const PII_REASON: Record<PiiKind, Message> = {
  id18: msg('privacy.reason.id18'),
  id18_check: msg('privacy.reason.id18_check'),
  id15: msg('privacy.reason.id15'),
  mobile: msg('privacy.reason.mobile'),
  bank_card: msg('privacy.reason.bank_card'),
}

// ------------------------------------------------------------------ scanning

/** Digit runs joined by single spaces (ASCII, no-break, ideographic) or dashes; an ID's final X may follow. */
const TOKEN = /[0-9\uFF10-\uFF19]+(?:[ \u00A0\u3000\-\uFF0D][0-9\uFF10-\uFF19]+)*[XxＸｘ]?/g
/** At most this many space-separated units form one number (+86 138 0000 0000 is 4, a 19-digit card 5). */
const MAX_UNITS = 5

interface Group {
  digits: string // ASCII, upper-case X
  start: number
  end: number
}

interface Replacement {
  start: number
  end: number
  kind: PiiKind
  masked: string
}

const toAscii = (s: string) =>
  s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[xＸｘ]/g, 'X')

const isDigit = (c: string | undefined) => c !== undefined && /[0-9\uFF10-\uFF19]/.test(c)
const isLatin = (c: string | undefined) => c !== undefined && /[A-Za-z_\uFF21-\uFF3A\uFF41-\uFF5A]/.test(c)
const isPoint = (c: string | undefined) => c === '.' || c === '．'
const isDash = (c: string | undefined) => c === '-' || c === '－'

/** A token glued to a code (GK-2026…, No1380…) or to a decimal point is not personal data. */
function isCodeOrAmount(text: string, start: number, end: number): boolean {
  const p1 = text[start - 1]
  const p2 = text[start - 2]
  const n1 = text[end]
  const n2 = text[end + 1]
  if (isLatin(p1) || isLatin(n1)) return true
  if ((isDash(p1) && isLatin(p2)) || (isDash(n1) && isLatin(n2))) return true
  return (isPoint(p1) && isDigit(p2)) || (isPoint(n1) && isDigit(n2))
}

/** A single digit run (no separators). */
function classifyCompact(d: string): PiiKind | null {
  if (d.includes('X')) return d.length === 18 && isValidCnId18(d) ? 'id18' : d.length === 18 && isCnId18Shape(d) ? 'id18_check' : null
  if (d.length === 18 && isValidCnId18(d)) return 'id18'
  if (d.length === 15 && isPlausibleCnId15(d)) return 'id15'
  if (d.length === 11) return isMainlandMobile(d) ? 'mobile' : null
  if (d.length === 13 && d.startsWith('86') && isMainlandMobile(d.slice(2))) return 'mobile'
  if (isBankCard(d)) return 'bank_card'
  return d.length === 18 && isCnId18Shape(d) ? 'id18_check' : null
}

/** Several groups in one of the usual written groupings. */
function classifyGrouped(groups: Group[]): PiiKind | null {
  const lens = groups.map((g) => g.digits.length).join(',')
  const joined = groups.map((g) => g.digits).join('')
  const first = groups[0]!.digits
  if (joined.slice(0, -1).includes('X')) return null
  if (lens === '3,4,4' || ((lens === '2,3,4,4' || lens === '2,11') && first === '86')) {
    return isMainlandMobile(joined.slice(-11)) ? 'mobile' : null
  }
  if (lens === '6,8,4') return isValidCnId18(joined) ? 'id18' : isCnId18Shape(joined) ? 'id18_check' : null
  if (joined.includes('X')) return null
  // cards: groups of 4, the last one 1–4 digits (6217 0000 0000 0000 000)
  const cardShape = groups.length >= 3 && groups.every((g, i) => (i < groups.length - 1 ? g.digits.length === 4 : g.digits.length <= 4))
  return cardShape && isBankCard(joined) ? 'bank_card' : null
}

function maskedForm(kind: PiiKind, raw: string, groups: Group[]): string {
  const joined = groups.map((g) => g.digits).join('')
  switch (kind) {
    case 'id18':
    case 'id18_check':
    case 'id15':
      return maskId(joined)
    case 'mobile':
      return (joined.length > 11 ? '+86 ' : '') + maskMobile(joined)
    case 'bank_card':
      return maskCard(toAscii(raw))
  }
}

/** Finds the replacements inside one token (a run of digit groups). */
function scanToken(text: string, tokenStart: number, token: string, out: Replacement[]): void {
  if (isCodeOrAmount(text, tokenStart, tokenStart + token.length)) return
  // units: dash-joined chains of groups; units are separated by one space
  const units: Group[][] = []
  const re = /[0-9\uFF10-\uFF19]+[XxＸｘ]?|[ \u00A0\u3000\-\uFF0D]/g
  let current: Group[] = []
  for (let m = re.exec(token); m; m = re.exec(token)) {
    const s = m[0]
    if (s === ' ' || s === '\u00A0' || s === '\u3000') {
      units.push(current)
      current = []
    } else if (!isDash(s)) {
      current.push({ digits: toAscii(s), start: tokenStart + m.index, end: tokenStart + m.index + s.length })
    }
  }
  units.push(current)

  // digits before unit i, so a span's length is known without joining it
  const before = [0]
  for (const u of units) before.push(before[before.length - 1]! + u.reduce((n, g) => n + g.digits.length, 0))
  for (let i = 0; i < units.length; ) {
    let matched = false
    for (let j = Math.min(units.length - 1, i + MAX_UNITS - 1); j >= i; j--) {
      const digits = before[j + 1]! - before[i]!
      if (digits < 11 || digits > 19) continue // shorter than a mobile, longer than a card
      const groups = units.slice(i, j + 1).flat()
      const kind = groups.length === 1 ? classifyCompact(groups[0]!.digits) : classifyGrouped(groups)
      if (!kind) continue
      let start = groups[0]!.start
      const end = groups[groups.length - 1]!.end
      if (kind === 'mobile' && groups[0]!.digits.startsWith('86') && (text[start - 1] === '+' || text[start - 1] === '＋')) start--
      out.push({ start, end, kind, masked: maskedForm(kind, text.slice(start, end), groups) })
      i = j + 1
      matched = true
      break
    }
    if (!matched) i++
  }
}

/**
 * Eleven characters a token can be made of, starting with a digit: every
 * token of 11 or more characters contains such a run, so text without one has
 * nothing to mask. One test instead of walking every digit run (第12号, 2026年…).
 */
const LONG_RUN = /[0-9\uFF10-\uFF19][0-9\uFF10-\uFF19 \u00A0\u3000\-\uFF0DXxＸｘ]{10}/

/** Where the IDs, mobiles and bank card numbers in `text` are, in `text`'s offsets. */
function findPii(text: string): Replacement[] {
  if (!LONG_RUN.test(text)) return []
  const reps: Replacement[] = []
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    // fewer than 11 characters hold fewer than 11 digits: shorter than any number masked here (most tokens: 第12号, 2026, amounts)
    if (m[0].length >= 11) scanToken(text, m.index, m[0], reps)
  }
  return reps
}

/**
 * Masks every ID, mobile and bank card number in `text`. Invisible and
 * bidi-control characters are removed first (visibleText.ts): they would
 * otherwise split a number the reader sees whole, or make text read backwards.
 */
export function scanText(input: string): { text: string; findings: PiiFinding[] } {
  const text = stripInvisible(input)
  const reps = findPii(text)
  if (reps.length === 0) return { text, findings: [] }
  let out = ''
  let last = 0
  const findings: PiiFinding[] = []
  for (const r of reps) {
    out += text.slice(last, r.start)
    findings.push({ kind: r.kind, masked: r.masked, start: out.length, end: out.length + r.masked.length })
    out += r.masked
    last = r.end
  }
  return { text: out + text.slice(last), findings }
}

/**
 * Masks numbers in HTML or Markdown as the reader sees them: across inline
 * tags, entities and invisible characters (visibleText.ts). A number is
 * replaced where it is written by its masked form followed by the markup it
 * spanned (so tags stay balanced); invisible characters and their entities
 * are removed from the text.
 */
export function guardMarkup(src: string, mode: 'html' | 'markdown'): { text: string; kinds: PiiKind[] } {
  const kinds: PiiKind[] = []
  let out = src
  // the text alone first: the character map is built only when it holds a number (rarely)
  if (mayHoldInMarkup(src, mode) && LONG_RUN.test(visibleText(src, mode, false).text)) {
    const visible = visibleText(src, mode)
    const reps = findPii(visible.text)
    if (reps.length) {
      out = ''
      let last = 0
      for (const r of reps) {
        const start = visible.from[r.start]!
        const end = visible.to[r.end - 1]!
        out += src.slice(last, start) + r.masked + keptMarkup(src.slice(start, end), mode)
        kinds.push(r.kind)
        last = end
      }
      out += src.slice(last)
    }
  }
  return { text: withoutInvisible(out), kinds }
}

/** invisible characters out of markup text, written as characters or as entities (&#x202E;, &shy;) */
function withoutInvisible(src: string): string {
  const cleaned = stripInvisible(src)
  if (!cleaned.includes('&')) return cleaned
  return cleaned.replace(/&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,31});/g, (e) => (hasInvisible(decodeEntities(e)) ? '' : e))
}

const DIGIT_THEN_TAG = /[0-9\uFF10-\uFF19](?:<|&)/
const DIGIT_THEN_MARK = /[0-9\uFF10-\uFF19][*_`~&]/

/**
 * Whether markup may show a number: one written out (LONG_RUN), or one split
 * where a digit runs into a tag, an entity, a Markdown mark or an invisible
 * character, or a digit written as a numeric entity. Most notices have none
 * of these and skip the visible-text pass.
 */
function mayHoldInMarkup(src: string, mode: 'html' | 'markdown' = 'html'): boolean {
  return LONG_RUN.test(src) || (mode === 'html' ? DIGIT_THEN_TAG : DIGIT_THEN_MARK).test(src) || src.includes('&#') || hasInvisible(src)
}

// ------------------------------------------------------------------ cells

/**
 * A number cell: integers are scanned as their digits (a phone typed into a
 * spreadsheet arrives as 13800138000). Integers above 2^53 have already lost
 * their last digits, so no check digit can be tested; no village amount is
 * that large, so 16–19 digit ones are masked as an ID (when area code and
 * birth year fit) or a card.
 */
function guardNumber(n: number): { value: string; kinds: PiiKind[] } | null {
  // below 10^10 an integer has at most 10 digits: no mobile, ID or card (most cells are amounts)
  if (!Number.isInteger(n) || n < 1e10) return null
  if (Number.isSafeInteger(n)) {
    const r = scanText(String(n))
    return r.findings.length ? { value: r.text, kinds: r.findings.map((f) => f.kind) } : null
  }
  const d = BigInt(n).toString()
  if (d.length < 16 || d.length > 19) return null
  if (d.length === 18 && isIdShaped(d)) return { value: maskId(d), kinds: ['id18'] }
  return { value: maskCard(d), kinds: ['bank_card'] }
}

/**
 * An 18-digit number that lost its last digits to floating point: the error
 * (up to ±128) can reach the day of birth, so only the area code and the
 * birth year are tested.
 */
function isIdShaped(d: string): boolean {
  return /^[1-8][0-9]{5}(?:18|19|20)[0-9]{2}/.test(d)
}

/** One table cell or form value: strings are scanned, numbers as described above; a masked number becomes a string. */
export function guardCell<T extends string | number | null>(cell: T): { cell: T; kinds: PiiKind[] } {
  if (typeof cell === 'string') {
    const r = scanText(cell)
    return { cell: r.text as T, kinds: r.findings.map((f) => f.kind) }
  }
  if (typeof cell === 'number') {
    const r = guardNumber(cell)
    return r ? { cell: r.value as T, kinds: r.kinds } : { cell, kinds: [] }
  }
  return { cell, kinds: [] }
}

export function guardCells<T extends string | number | null>(cells: T[]): { cells: T[]; findings: { col: number; kind: PiiKind }[] } {
  const findings: { col: number; kind: PiiKind }[] = []
  const out = cells.map((cell, col) => {
    const r = guardCell(cell)
    for (const kind of r.kinds) findings.push({ col, kind })
    return r.cell
  })
  return { cells: out, findings }
}

// ------------------------------------------------------------------ html

/** Attributes a reader sees as text; other attribute values (URLs, ids, classes) stay as written. */
const TEXT_ATTR = /(\s(?:alt|title|aria-label|placeholder)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi
/** tel:/sms: links would carry the raw number into storage. */
const PHONE_HREF = /(\shref\s*=\s*)(?:"((?:tel|sms):[^"]*)"|'((?:tel|sms):[^']*)')/gi

function guardTag(tag: string, kinds: PiiKind[]): string {
  const fix = (m: string, pre: string, dq: string | undefined, sq: string | undefined) => {
    // an attribute is read with its entities decoded: &#49; is a 1 there too
    const r = scanText(decodeEntities(dq ?? sq ?? ''))
    if (!r.findings.length) return m
    for (const f of r.findings) kinds.push(f.kind)
    const value = r.text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
    return `${pre}"${value}"`
  }
  return tag.replace(TEXT_ATTR, fix).replace(PHONE_HREF, fix)
}

/**
 * Masks the text as shown (guardMarkup) and the text-like attributes; markup
 * is kept as written. DOM-free (runs in the sync worker and the CLI).
 */
export function guardHtml(html: string): { html: string; kinds: PiiKind[] } {
  const text = guardMarkup(html, 'html')
  const kinds = text.kinds
  const parts = text.text.split(/(<!--[\s\S]*?-->|<[^>]*>)/)
  const out = parts.map((part, i) => (i % 2 === 1 && !part.startsWith('<!--') ? guardTag(part, kinds) : part))
  return { html: out.join(''), kinds }
}

// ------------------------------------------------------------------ notices

function guardTable(table: NoticeTable, findings: { field: string; kind: PiiKind }[]): NoticeTable {
  const caption = scanText(table.caption)
  for (const f of caption.findings) findings.push({ field: 'table.caption', kind: f.kind })
  const unit = scanText(table.unit)
  for (const f of unit.findings) findings.push({ field: 'table.unit', kind: f.kind })
  const columns = table.columns.map((c, i) => {
    const r = scanText(c)
    for (const f of r.findings) findings.push({ field: `table.columns[${i}]`, kind: f.kind })
    return r.text
  })
  const rows = table.rows.map((row, r) => {
    const g = guardCells(row.cells)
    for (const f of g.findings) findings.push({ field: `table[${r}][${f.col}]`, kind: f.kind })
    return { ...row, cells: g.cells }
  })
  return { ...table, caption: caption.text, unit: unit.text, columns, rows }
}

const mayHold = (s: string | undefined) => s !== undefined && (LONG_RUN.test(s) || hasInvisible(s))

/**
 * Whether any text or cell of the notice could hold a number guardNotice
 * masks: no run of 11 number characters anywhere (HTML included, attributes
 * and all) and no integer cell of 11 digits or more means nothing to mask.
 */
function mayHoldNumber(n: Notice): boolean {
  if (mayHold(n.title) || mayHold(n.summary) || mayHold(n.text) || (n.html !== undefined && (mayHold(n.html) || mayHoldInMarkup(n.html)))) return true
  if (n.attachments.some((a) => mayHold(a.title)) || n.tags.some(mayHold)) return true
  const t = n.table
  if (!t) return false
  if (mayHold(t.caption) || mayHold(t.unit) || t.columns.some(mayHold)) return true
  return t.rows.some((r) => r.cells.some((c) => (typeof c === 'string' ? mayHold(c) : typeof c === 'number' && c >= 1e10)))
}

/**
 * Masks a notice's title, summary, text, html text, table (caption, column
 * names, cells) and attachment titles. The input is not changed: a notice
 * with something masked comes back as a new object, one with nothing to mask
 * as the same object (most notices; no copy). Field names: 'title',
 * 'summary', 'text', 'html', 'table.caption', 'table.columns[2]',
 * 'table[3][2]' (row 3, column 2), 'attachments[0].title'.
 */
export function guardNotice(n: Notice): { notice: Notice; findings: { field: string; kind: PiiKind }[] } {
  const findings: { field: string; kind: PiiKind }[] = []
  if (!mayHoldNumber(n)) return { notice: n, findings }
  const notice: Notice = { ...n }
  for (const field of ['title', 'summary', 'text'] as const) {
    const value = n[field]
    if (typeof value !== 'string') continue
    const r = scanText(value)
    for (const f of r.findings) findings.push({ field, kind: f.kind })
    notice[field] = r.text
  }
  if (typeof n.html === 'string') {
    const r = guardHtml(n.html)
    for (const kind of r.kinds) findings.push({ field: 'html', kind })
    notice.html = r.html
  }
  if (n.table) notice.table = guardTable(n.table, findings)
  notice.tags = n.tags.map((tag, i) => {
    const r = scanText(tag)
    for (const f of r.findings) findings.push({ field: `tags[${i}]`, kind: f.kind })
    return r.text
  })
  notice.attachments = n.attachments.map((a, i) => {
    const r = scanText(a.title)
    for (const f of r.findings) findings.push({ field: `attachments[${i}].title`, kind: f.kind })
    return r.text !== a.title ? { ...a, title: r.text } : a
  })
  return { notice, findings }
}
