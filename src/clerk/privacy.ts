/**
 * The privacy guard over anything a clerk typed: every string in a form's
 * value (nested objects, arrays, table cells) goes through the shared guard
 * (src/privacy), so raw ID, mobile and bank card numbers never reach storage —
 * not even in a draft. Findings name the field and what kind of number it was.
 */
import { scanText, type PiiKind } from '../privacy/guard'

export interface FieldFinding {
  /** dotted path of the field, e.g. text, table.rows.2.cells.1, questions.0.reply */
  field: string
  kind: PiiKind
  /** the masked form the clerk sees, e.g. 340000********011X */
  masked: string
}

export function maskDeep<T>(value: T, path = ''): { value: T; findings: FieldFinding[] } {
  const findings: FieldFinding[] = []
  const walk = (v: unknown, p: string): unknown => {
    if (typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) >= 1e10)) {
      // a long whole number in a table cell may be a card or ID number typed as a number
      const r = scanText(String(v))
      for (const f of r.findings) findings.push({ field: p, kind: f.kind, masked: f.masked })
      return r.findings.length ? r.text : v
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, p ? `${p}.${i}` : String(i)))
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const out: Record<string, unknown> = {}
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, p ? `${p}.${k}` : k)
      return out
    }
    return v // numbers, booleans, null, Blobs
  }
  return { value: walk(value, path) as T, findings }
}
