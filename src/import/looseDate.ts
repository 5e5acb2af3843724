/**
 * Dates as Chinese offices write them — 2026/10/5, 2026年10月5日, 2026.10.5,
 * 2026-10-5, with or without a time (9:30, 09:30:00, 9时30分, 9点) — turned
 * into the feed's RFC 3339 in Beijing time. A bare date means the start of
 * that day, or for an end (expires) its last second.
 */
import { isRealDate, isRfc3339 } from '../feed/schema'

export interface LooseDate {
  /** RFC 3339, +08:00 unless the value carried its own offset */
  value: string
  /** the value was not already in the canonical form: the build says what it read */
  rewritten: boolean
}

const DATE = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/
const DATE_TIME = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:\s+|[Tt]|(?=\d))(\d{1,2})\s*(?:[:：]|时|点)\s*(?:(\d{1,2})\s*(?:分)?\s*(?:[:：]?\s*(\d{1,2})\s*秒?)?)?$/
const HOUR_ONLY = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*(\d{1,2})\s*(?:时|点)$/

const pad = (n: number | string) => String(n).padStart(2, '0')

/** null when the value is not a date this understands (the caller says what is expected) */
export function parseLooseDate(raw: string, endOfDay = false): LooseDate | null {
  const s = raw.trim()
  if (isRfc3339(s)) return { value: s, rewritten: false }
  let m = DATE.exec(s)
  if (m) {
    const [, y, mo, d] = m
    if (!isRealDate(+y!, +mo!, +d!)) return null
    const value = `${y}-${pad(mo!)}-${pad(d!)}T${endOfDay ? '23:59:59' : '00:00:00'}+08:00`
    return { value, rewritten: s !== `${y}-${pad(mo!)}-${pad(d!)}` }
  }
  m = DATE_TIME.exec(s) ?? HOUR_ONLY.exec(s)
  if (!m) return null
  const [, y, mo, d, h, mi = '0', se = '0'] = m
  if (!isRealDate(+y!, +mo!, +d!) || +h! > 23 || +mi > 59 || +se > 59) return null
  const canonical = `${y}-${pad(mo!)}-${pad(d!)} ${pad(h!)}:${pad(mi)}`
  return { value: `${y}-${pad(mo!)}-${pad(d!)}T${pad(h!)}:${pad(mi)}:${pad(se)}+08:00`, rewritten: s !== canonical && s !== canonical.replace(' ', 'T') && s !== `${canonical}:${pad(se)}` && s !== `${canonical.replace(' ', 'T')}:${pad(se)}` }
}
