import { describe, expect, it } from 'vitest'
import { cellWidth, checkTarget, formatTable, tableRow, TARGETS } from '../../../bench/lib/table.mjs'

describe('bench targets', () => {
  it('meets a ratio target at or under the bound and says what the kiosk must lose otherwise', () => {
    expect(checkTarget(TARGETS.coldRatio!, 130, 100)).toMatchObject({ met: true, text: 'met' })
    // the figures: 944 ms against a 459 ms floor → 1.3 × 459 = 597 ms, 347 ms (37 %) to lose
    const c = checkTarget(TARGETS.coldRatio!, 944, 459)
    expect(c.met).toBe(false)
    expect(c.value).toBeCloseTo(2.06, 2)
    expect(c.text).toBe('NOT met: −347 ms (−37 %) to 597 ms')
  })

  it('checks plain upper and lower bounds', () => {
    expect(checkTarget(TARGETS.tapP95!, 100).met).toBe(true)
    expect(checkTarget(TARGETS.tapP95!, 322).text).toBe('NOT met: 222 ms over (−69 %)')
    expect(checkTarget(TARGETS.gappedRecall!, 0.95).met).toBe(true)
    expect(checkTarget(TARGETS.gappedRecall!, 0.02).text).toBe('NOT met: 0.88 short')
  })

  it('reports a figure that was not measured instead of calling it met', () => {
    expect(checkTarget(TARGETS.applyRatio!, NaN, 100)).toMatchObject({ met: null, text: 'not measured' })
    expect(checkTarget(TARGETS.heapRatio!, 10, 0).met).toBe(null)
    // a floor painted "before" the server's answer is a broken clock, not a 2× kiosk
    expect(checkTarget(TARGETS.applyRatio!, 236, -18).met).toBe(null)
    expect(checkTarget(TARGETS.tapP95!, -5).met).toBe(null)
  })
})

describe('bench table', () => {
  it('makes a row with kiosk, floor, ratio, target and distance', () => {
    const r = tableRow('apply 10,000 notices (ms)', { kiosk: 400, floor: 128, target: 'applyRatio' })
    expect(r).toMatchObject({ kiosk: '400', floor: '128', ratio: '3.13×', target: '≤ 2× floor', ok: false })
    expect(r.met).toMatch(/^NOT met: −144 ms/)
    expect(tableRow('initial JS', { kiosk: '87.2 KB' })).toMatchObject({ floor: '', ratio: '', target: '', met: '' })
    expect(tableRow('apply at 4× (ms)', { kiosk: 778, floor: 642 })).toMatchObject({ ratio: '1.21×', target: '' })
  })

  it('shows the floor but no ratio beside an absolute bound', () => {
    expect(tableRow('longest task (ms)', { kiosk: 226, floor: 371, target: 'applyMaxTask' })).toMatchObject({ floor: '371', ratio: '', met: 'NOT met: 176 ms over (−78 %)' })
  })

  it('pads columns counting CJK characters as two cells', () => {
    expect(cellWidth('ab')).toBe(2)
    expect(cellWidth('村务')).toBe(4)
    const t = formatTable([tableRow('冷启动', { kiosk: 1 }), tableRow('cold start', { kiosk: 22 })]).split('\n')
    expect(t[0]).toMatch(/^\| metric +\| kiosk \| floor \| ratio \| target \| met \/ distance \|$/)
    expect(t).toHaveLength(4)
    expect(new Set(t.map(cellWidth)).size).toBe(1)
  })
})
