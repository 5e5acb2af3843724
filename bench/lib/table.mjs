/**
 * The bench's targets (issue 19) and its table: metric | kiosk | floor |
 * ratio | target | met / distance. Pure: unit-tested in test/unit/bench/.
 */
import { round } from './stats.mjs'

/**
 * A target is an upper (`max`) or lower (`min`) bound on a value, or on the
 * kiosk / floor ratio when `ratio` is set.
 * @typedef {{ text: string, max?: number, min?: number, ratio?: boolean, unit?: string }} Target
 */

/** @type {Record<string, Target>} */
export const TARGETS = {
  coldRatio: { text: '≤ 1.3× floor', max: 1.3, ratio: true, unit: 'ms' },
  applyRatio: { text: '≤ 2× floor', max: 2, ratio: true, unit: 'ms' },
  applyMaxTask: { text: '≤ 50 ms', max: 50, unit: 'ms' },
  tapP95: { text: '≤ 100 ms', max: 100, unit: 'ms' },
  searchP95At1x: { text: '≤ 16 ms', max: 16, unit: 'ms' },
  searchP95At4x: { text: '≤ 50 ms', max: 50, unit: 'ms' },
  gappedRecall: { text: '≥ 0.9', min: 0.9 },
  heapRatio: { text: '≤ 3× floor', max: 3, ratio: true, unit: 'MB' },
  initialJs: { text: '≤ 90 KB gzip', max: 90, unit: 'KB' },
  scrollTask: { text: '≤ 50 ms', max: 50, unit: 'ms' },
  lhPerf: { text: '≥ 98', min: 98 },
  lhA11y: { text: '= 100', min: 100 },
}

const fmt = (x, unit = '') => `${round(x, Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2)}${unit ? ` ${unit}` : ''}`

/**
 * Met, or how far off: for a ratio target, how much the kiosk must lose to
 * reach it at today's floor (absolute and as a share of today's kiosk); for a
 * plain bound, how far the value is past it.
 * @param {Target} t
 * @param {number} kiosk the value (for a ratio target: the kiosk's measure)
 * @param {number} [floor] the floor's measure (ratio targets)
 * @returns {{ met: boolean | null, text: string, value: number }}
 */
export function checkTarget(t, kiosk, floor) {
  const value = t.ratio ? kiosk / floor : kiosk
  // a time or size below zero is a broken measurement, never a met target
  if (!Number.isFinite(value) || kiosk < 0 || (t.ratio && !(floor > 0))) return { met: null, text: 'not measured', value }
  if (t.max !== undefined) {
    if (value <= t.max) return { met: true, text: 'met', value }
    if (t.ratio) {
      const goal = t.max * floor
      return { met: false, text: `NOT met: −${fmt(kiosk - goal, t.unit)} (−${Math.round((1 - goal / kiosk) * 100)} %) to ${fmt(goal, t.unit)}`, value }
    }
    return { met: false, text: `NOT met: ${fmt(value - t.max, t.unit)} over (−${Math.round((1 - t.max / value) * 100)} %)`, value }
  }
  if (value >= t.min) return { met: true, text: 'met', value }
  return { met: false, text: `NOT met: ${fmt(t.min - value, t.unit)} short`, value }
}

/**
 * One table row. `target` names a TARGETS entry (or is omitted for a figure
 * without one); ratio targets need `floor`. The floor's figure is shown
 * whenever given; the ratio only for ratio targets and rows without a target.
 * @param {string} metric
 * @param {{ kiosk: number | string, floor?: number, target?: string, unit?: string }} o
 */
export function tableRow(metric, { kiosk, floor, target }) {
  const t = target ? TARGETS[target] : null
  const num = typeof kiosk === 'number'
  // a ratio beside an absolute bound (the longest task) would read as if it were the target: left blank
  const ratio = num && Number.isFinite(floor) && floor > 0 && (!t || t.ratio) ? kiosk / floor : null
  const check = t && num ? checkTarget(t, kiosk, floor) : null
  return {
    metric,
    kiosk: num ? fmt(kiosk) : kiosk,
    floor: Number.isFinite(floor) ? fmt(floor) : '',
    ratio: ratio === null ? '' : `${round(ratio, 2)}×`,
    target: t?.text ?? '',
    met: check?.text ?? '',
    ok: check?.met ?? null,
  }
}

export const COLUMNS = ['metric', 'kiosk', 'floor', 'ratio', 'target', 'met']
const HEAD = { metric: 'metric', kiosk: 'kiosk', floor: 'floor', ratio: 'ratio', target: 'target', met: 'met / distance' }

/** columns as a terminal shows them: CJK characters are two cells wide */
export function cellWidth(s) {
  return [...String(s)].reduce((w, ch) => w + (ch.codePointAt(0) >= 0x2e80 ? 2 : 1), 0)
}

/** A Markdown table, padded so it also reads as plain text. */
export function formatTable(rows) {
  const w = COLUMNS.map((c) => Math.max(cellWidth(HEAD[c]), ...rows.map((r) => cellWidth(r[c] ?? ''))))
  const line = (r) => '| ' + COLUMNS.map((c, k) => String(r[c] ?? '') + ' '.repeat(w[k] - cellWidth(r[c] ?? ''))).join(' | ') + ' |'
  return [line(HEAD), '|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|', ...rows.map(line)].join('\n')
}
