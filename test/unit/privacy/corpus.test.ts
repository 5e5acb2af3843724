import { describe, expect, it } from 'vitest'
import corpus from '../../fixtures/privacy/corpus.json'
import { guardCells, scanText } from '../../../src/privacy/guard'
import type { PiiKind } from '../../../src/privacy/guard'

/**
 * The privacy corpus (test/fixtures/privacy/corpus.json, made by
 * generate-corpus.ts): every personal number masked in exactly the expected
 * form, every look-alike left exactly as written.
 */
type Cells = (string | number | null)[]
interface Positive { id: string; kinds: PiiKind[]; input?: string; expected?: string; cells?: Cells; expectedCells?: Cells }
interface Negative { id: string; why: string; input?: string; cells?: Cells }

const positives = corpus.positives as Positive[]
const negatives = corpus.negatives as Negative[]
const label = (p: { id: string; input?: string; cells?: Cells }) => `${p.id} ${p.input ?? JSON.stringify(p.cells)}`

function guard(p: { input?: string; cells?: Cells }): { out: string | Cells; kinds: PiiKind[] } {
  if (p.input !== undefined) {
    const r = scanText(p.input)
    return { out: r.text, kinds: r.findings.map((f) => f.kind) }
  }
  const r = guardCells(p.cells!)
  return { out: r.cells, kinds: r.findings.map((f) => f.kind) }
}

describe('privacy corpus', () => {
  it('is big enough: ≥ 50 personal numbers and ≥ 50 look-alikes', () => {
    const values = positives.reduce((n, p) => n + p.kinds.length, 0)
    console.info(`privacy corpus: ${values} personal numbers in ${positives.length} positive cases; ${negatives.length} negative cases`)
    expect(values).toBe(corpus.positiveValues)
    expect(values).toBeGreaterThanOrEqual(50)
    expect(negatives.length).toBeGreaterThanOrEqual(50)
    const kinds = new Set(positives.flatMap((p) => p.kinds))
    expect([...kinds].sort()).toEqual(['bank_card', 'id15', 'id18', 'id18_check', 'mobile'])
  })

  it.each(positives.map((p) => [label(p), p] as const))('masks %s', (_l, p) => {
    const { out, kinds } = guard(p)
    expect(out).toEqual(p.input !== undefined ? p.expected : p.expectedCells)
    expect(kinds).toEqual(p.kinds)
  })

  it.each(negatives.map((n) => [`${label(n)} (${n.why})`, n] as const))('leaves %s', (_l, n) => {
    const { out, kinds } = guard(n)
    expect(kinds).toEqual([])
    expect(out).toEqual(n.input ?? n.cells)
  })

  it('masks 100 % of the positives and changes 0 % of the negatives', () => {
    let masked = 0
    let values = 0
    for (const p of positives) {
      const { out, kinds } = guard(p)
      values += p.kinds.length
      if (JSON.stringify(out) === JSON.stringify(p.input !== undefined ? p.expected : p.expectedCells)) masked += Math.min(kinds.length, p.kinds.length)
    }
    const changed = negatives.filter((n) => JSON.stringify(guard(n).out) !== JSON.stringify(n.input ?? n.cells)).length
    console.info(`privacy corpus: masked ${masked}/${values} positives (${((100 * masked) / values).toFixed(1)} %), changed ${changed}/${negatives.length} negatives`)
    expect(masked).toBe(values)
    expect(changed).toBe(0)
  })

  it('never leaves a raw positive in the output', () => {
    for (const p of positives) {
      const text = JSON.stringify(guard(p).out)
      for (const run of (p.input ?? JSON.stringify(p.cells)).match(/\d{11,}/g) ?? []) expect(text, p.id).not.toContain(run)
    }
  })
})
