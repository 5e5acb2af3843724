/**
 * Shape and checksum tests for the personal numbers the privacy guard masks.
 * Each takes the bare value (digits, plus a final X for IDs): finding the value
 * inside text is guard.ts's job. Pure and DOM-free, so the township CLI can
 * use them too.
 */

/** GB 11643-1999 weights: W_i = 2^(17-i) mod 11 (ISO 7064 MOD 11-2). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const ID_CHECK = '10X98765432'

/**
 * First two digits of a mainland address code (GB/T 2260 provinces), plus
 * 71/81/82/83 used by Taiwan, Hong Kong and Macao residents' numbers.
 */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
])

/** 'YYYY-MM-DD' or a Date → ms at UTC midnight of that calendar day. */
function dayMs(today: Date | string): number {
  if (typeof today === 'string') {
    const [y, m, d] = today.split('-').map(Number)
    return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)
  }
  return Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())
}

/** Whether y-m-d is a real calendar day, not after `today`. */
export function isRealPastDate(y: number, m: number, d: number, today: Date | string = new Date()): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d))
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return false
  return dt.getTime() <= dayMs(today)
}

/** The GB 11643 check character for the first 17 digits. */
export function cnIdCheckChar(first17: string): string {
  let s = 0
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * ID_WEIGHTS[i]!
  return ID_CHECK[s % 11]!
}

/**
 * 18-digit 公民身份号码: province code, a real birth date from 1800 (the
 * standard's own example is born 1880) up to today, and the MOD 11-2 check
 * character (X accepted in either case).
 */
export function isValidCnId18(id: string, today: Date | string = new Date()): boolean {
  return isCnId18Shape(id, today) && cnIdCheckChar(id) === id[17]!.toUpperCase()
}

/**
 * An 18-digit number with a real province code and birth date, whatever its
 * check character: a mistyped ID number still tells a person's region and
 * birthday, so the guard masks it too (kind id18_check).
 */
export function isCnId18Shape(id: string, today: Date | string = new Date()): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false
  if (!PROVINCES.has(id.slice(0, 2))) return false
  const y = Number(id.slice(6, 10))
  return y >= 1800 && isRealPastDate(y, Number(id.slice(10, 12)), Number(id.slice(12, 14)), today)
}

/**
 * 15-digit legacy number (GB 11643-1989): province code + YYMMDD (19YY, a
 * real date) + 3-digit sequence. It has no check digit, so this is only
 * "plausible"; the province and date tests keep ordinary 15-digit numbers out.
 */
export function isPlausibleCnId15(id: string, today: Date | string = new Date()): boolean {
  if (!/^\d{15}$/.test(id)) return false
  if (!PROVINCES.has(id.slice(0, 2))) return false
  return isRealPastDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)), today)
}

/** Luhn (mod 10) over a string of digits; false for anything else or empty. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let v = Number(digits[i])
    if (double) {
      v *= 2
      if (v > 9) v -= 9
    }
    sum += v
  }
  return sum % 10 === 0
}

/**
 * Whether the leading digits can start a payment card (issuer identification
 * number): 3 (JCB/AmEx/Diners), 4 (Visa), 5 (Mastercard), 6 (UnionPay 62…),
 * 8 (UnionPay 81…), 9 (domestic PBOC cards), and 2221–2720 (Mastercard
 * 2-series). This keeps serial numbers that start with a year (2026…) or 0/1
 * out of the card rule.
 */
export function isPlausibleCardIin(digits: string): boolean {
  const first = digits[0]
  if (first === '2') {
    const p = Number(digits.slice(0, 4))
    return p >= 2221 && p <= 2720
  }
  return first !== undefined && '345689'.includes(first)
}

/** 13–19 digits, a card issuer prefix and a passing Luhn check. */
export function isBankCard(digits: string): boolean {
  return /^\d{13,19}$/.test(digits) && isPlausibleCardIin(digits) && isLuhnValid(digits)
}

/**
 * Mainland mobile: 1[3-9] + 9 digits, optionally written with a +86/86
 * prefix and space or dash separators (138-0000-0000, +86 138 0000 0000).
 */
export function isMainlandMobile(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '').replace(/^\+?86(?=1[3-9]\d{9}$)/, '')
  return /^1[3-9]\d{9}$/.test(digits)
}
