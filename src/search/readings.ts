/**
 * Readings of single characters, from pinyin-pro. Only the index builder (in
 * the Web Worker) imports this file, so the dictionary never reaches the
 * kiosk's main bundle. Every reading of a polyphonic character is kept
 * (重 → zhong, chong), so a query matches whichever one the resident means.
 */
import { polyphonic } from 'pinyin-pro'

const HAN = /\p{Script=Han}/u
const LATIN_OR_DIGIT = /^[0-9a-z]$/

/** What a character contributes to matching. */
export type CharReading = { kind: 'break' } | { kind: 'space' } | { kind: 'readings'; readings: string[] }

const BREAK: CharReading = { kind: 'break' }
const SPACE: CharReading = { kind: 'space' }

export function readingOf(ch: string): CharReading {
  if (/^\s$/.test(ch)) return SPACE
  const lower = ch.toLowerCase()
  if (LATIN_OR_DIGIT.test(lower)) return { kind: 'readings', readings: [lower] }
  // full-width letters and digits (ＤＢ２０２６) read as their ASCII forms
  const code = ch.charCodeAt(0)
  if (code >= 0xff10 && code <= 0xff5a) {
    const ascii = String.fromCharCode(code - 0xfee0).toLowerCase()
    if (LATIN_OR_DIGIT.test(ascii)) return { kind: 'readings', readings: [ascii] }
  }
  if (!HAN.test(ch)) return BREAK
  const [all] = polyphonic(ch, { toneType: 'none', type: 'array', v: true }) as string[][]
  const readings = [...new Set((all ?? []).map((r) => r.toLowerCase()).filter((r) => /^[a-z]+$/.test(r)))]
  return readings.length ? { kind: 'readings', readings } : BREAK
}
