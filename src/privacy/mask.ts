/**
 * Masking formats (contracts.md): ID first 6 + last 4 with the birth date
 * hidden, legacy 15-digit ID first 6 + last 3, mobile 138****0000, card first
 * 4 + last 4 keeping the writer's grouping ("6217 **** **** 0000").
 */

const stars = (n: number) => '*'.repeat(Math.max(0, n))

/** 18-digit → 340000********011X; 15-digit → 340000******011. */
export function maskId(id: string): string {
  const v = id.toUpperCase()
  if (v.length === 15) return v.slice(0, 6) + stars(6) + v.slice(12)
  return v.slice(0, 6) + stars(v.length - 10) + v.slice(-4)
}

/** Any written form (separators, +86) → 138****0000; the prefix is dropped here. */
export function maskMobile(mobile: string): string {
  const d = mobile.replace(/\D/g, '').slice(-11)
  return d.slice(0, 3) + '****' + d.slice(7)
}

/**
 * First 4 and last 4 digits stay; every other digit becomes *. Separators stay
 * where the writer put them, so "6217 0000 0000 0000" → "6217 **** **** 0000"
 * and "6217000000000000" → "6217********0000".
 */
export function maskCard(card: string): string {
  const total = card.replace(/\D/g, '').length
  let seen = 0
  let out = ''
  for (const ch of card) {
    if (/\d/.test(ch)) {
      out += seen < 4 || seen >= total - 4 ? ch : '*'
      seen++
    } else {
      out += ch
    }
  }
  return out
}
