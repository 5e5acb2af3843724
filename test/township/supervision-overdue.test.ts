/**
 * 逾期 N 天 on the supervision page counts days past the due date: on the demo
 * township on 2026-12-02, the 发展党员 公示 (DW-02) whose township notice expires
 * a day before its 5 working days end is flagged (src/compliance: a planned
 * takedown that is too early), but its due date 2026-12-07 is still ahead —
 * it once read "逾期 1 天".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diffDays } from '../../src/compliance/days'
import { ENGINE, startHarness, type Harness, type Jar } from './support'

interface Item { itemId: string; due: string | null; state: string; overdueDays: number | null; reason: { zh: string; en: string } | null }

describe(`supervision: overdue days on the demo township (${ENGINE})`, () => {
  let h: Harness
  let jar: Jar
  let villages: { code: string; items: Item[] }[]
  beforeAll(async () => {
    h = await startHarness({ demo: true, now: () => new Date('2026-12-02T02:00:00Z') })
    jar = await h.admin()
    const r = (await (await h.req('/api/supervision', { jar })).json()) as { asOf: string; villages: { code: string; items: Item[] }[] }
    expect(r.asOf).toBe('2026-12-02')
    villages = r.villages
  }, 120_000)
  afterAll(() => h?.close())

  it('a 公示 to be taken down early, due 2026-12-07, is flagged with its reason but not "逾期 1 天" on 2026-12-02', () => {
    for (const v of villages) {
      const dw = v.items.find((i) => i.itemId === 'DW-02')!
      expect(dw.due).toBe('2026-12-07')
      expect(dw.state).toBe('overdue')
      expect(dw.overdueDays).toBeNull()
      expect(dw.reason?.zh).toContain('撤下')
    }
  })

  it('every overdue item past its due date counts the days since that date', () => {
    const past = villages.flatMap((v) => v.items).filter((i) => i.state === 'overdue' && i.due! < '2026-12-02')
    expect(past.length).toBeGreaterThan(0)
    for (const i of past) expect(i.overdueDays).toBe(diffDays(i.due!, '2026-12-02'))
  })
})
