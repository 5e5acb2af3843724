/**
 * The console's table logic: sorting (pinyin order, empty cells last), pages,
 * fleet filters, and how supervision states read (按时 / 即将到期 / 逾期 N 天 / 不适用).
 */
import { describe, expect, it } from 'vitest'
import { nextSort, paginate, sortRows } from '../../../township/web/logic/sort'
import { countFlags, filterFleet, revisionsBehind, storageShare } from '../../../township/web/logic/fleet'
import { countStates, stateLabel, stateSeverity, stateTone } from '../../../township/web/logic/itemState'
import { rankVillages, supervisionRows } from '../../../township/web/logic/supervision'
import { isReportKey } from '../../../township/web/logic/reportKey'
import { placeNames } from '../../../township/web/logic/places'
import { ago, defaultReportKeys, formatPercent } from '../../../township/web/logic/format'
import type { FleetKiosk, Supervision, SupervisionItem } from '../../../township/web/api/types'
import zhSupervision from '../../../township/web/locales/zh-CN/supervision.json'
import enSupervision from '../../../township/web/locales/en/supervision.json'
import zhCommon from '../../../township/web/locales/zh-CN/common.json'

/** A tiny stand-in for vue-i18n's t() over one locale's JSON ({n} placeholders). */
function translator(messages: Record<string, unknown>) {
  return (key: string, named: Record<string, unknown> = {}) => {
    const v = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages)
    if (typeof v !== 'string') throw new Error(`missing ${key}`)
    return v.replace(/\{(\w+)\}/g, (_, n: string) => String(named[n]))
  }
}
const zh = translator({ supervision: zhSupervision, common: zhCommon })
const en = translator({ supervision: enSupervision })

describe('sorting', () => {
  const villages = [{ name: '柳塘村', n: 3 }, { name: '桐溪村', n: null }, { name: '石桥村', n: 10 }, { name: '安平村', n: 2 }]
  it('orders Chinese names by pinyin, and flips on a second click', () => {
    expect(sortRows(villages, (v) => v.name, 'asc').map((v) => v.name)).toEqual(['安平村', '柳塘村', '石桥村', '桐溪村'])
    expect(sortRows(villages, (v) => v.name, 'desc').map((v) => v.name)).toEqual(['桐溪村', '石桥村', '柳塘村', '安平村'])
    expect(nextSort(null, 'name')).toEqual({ key: 'name', dir: 'asc' })
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' })
    expect(nextSort({ key: 'name', dir: 'desc' }, 'rate')).toEqual({ key: 'rate', dir: 'asc' })
  })
  it('sorts numbers by value (10 after 3) and keeps empty cells last both ways', () => {
    expect(sortRows(villages, (v) => v.n, 'asc').map((v) => v.n)).toEqual([2, 3, 10, null])
    expect(sortRows(villages, (v) => v.n, 'desc').map((v) => v.n)).toEqual([10, 3, 2, null])
  })
  it('keeps the original order of ties', () => {
    const rows = [{ k: 1, id: 'a' }, { k: 0, id: 'b' }, { k: 1, id: 'c' }]
    expect(sortRows(rows, (r) => r.k, 'asc').map((r) => r.id)).toEqual(['b', 'a', 'c'])
  })
  it('pages rows and clamps a page past the end', () => {
    const rows = Array.from({ length: 105 }, (_, i) => i)
    expect(paginate(rows, 1, 50)).toMatchObject({ page: 1, pages: 3, total: 105 })
    expect(paginate(rows, 3, 50).rows).toEqual([100, 101, 102, 103, 104])
    expect(paginate(rows, 9, 50).page).toBe(3)
    expect(paginate([], 1, 50)).toMatchObject({ page: 1, pages: 1, rows: [] })
  })
})

const kiosk = (id: string, flags: FleetKiosk['flags'], extra: Partial<FleetKiosk> = {}): FleetKiosk => ({
  id, villageCode: 'tx', villageName: '桐溪村', place: '大厅', appVersion: '0.1.0', contentRevision: 5, latestRevision: 5,
  lastSeen: null, lastError: null, storageUsed: null, storageQuota: null, clockOk: true, revokedAt: null, flags, ...extra,
})

describe('fleet filters', () => {
  const fleet = [kiosk('a', []), kiosk('b', ['behind', 'error']), kiosk('c', ['silent']), kiosk('d', ['error'], { revokedAt: '2026-11-01T00:00:00Z' }), kiosk('e', ['clock', 'error'])]
  it('each filter shows the kiosks with that flag, revoked ones hidden unless asked for', () => {
    expect(filterFleet(fleet, null).map((k) => k.id)).toEqual(['a', 'b', 'c', 'e'])
    expect(filterFleet(fleet, 'error').map((k) => k.id)).toEqual(['b', 'e'])
    expect(filterFleet(fleet, 'error', true).map((k) => k.id)).toEqual(['b', 'd', 'e'])
    expect(filterFleet(fleet, 'silent').map((k) => k.id)).toEqual(['c'])
    expect(filterFleet(fleet, 'clock').map((k) => k.id)).toEqual(['e'])
  })
  it('counts per filter leave revoked kiosks out', () => {
    expect(countFlags(fleet)).toEqual({ all: 4, behind: 1, error: 2, silent: 1, clock: 1 })
  })
  it('says how far behind a kiosk is, and storage as a share', () => {
    expect(revisionsBehind({ contentRevision: 3, latestRevision: 5 })).toBe(2)
    expect(revisionsBehind({ contentRevision: 5, latestRevision: 5 })).toBe(0)
    expect(revisionsBehind({ contentRevision: null, latestRevision: 5 })).toBeNull()
    expect(storageShare({ storageUsed: 25, storageQuota: 100 })).toBe(0.25)
    expect(storageShare({ storageUsed: 25, storageQuota: 0 })).toBeNull()
    expect(formatPercent(0.25)).toBe('25%')
    expect(formatPercent(4.3e6 / 10e9)).toBe('<0.1%')
    expect(formatPercent(0)).toBe('0%')
  })
})

const item = (state: SupervisionItem['state'], extra: Partial<SupervisionItem> = {}): SupervisionItem => ({
  itemId: state, title: state, frequency: 'monthly', period: null, due: '2026-12-10', state, overdueDays: null, daysLeft: null, disclosedBy: null, lastPostedOn: null, ...extra,
})

describe('supervision states', () => {
  it('read as 按时 / 即将到期 / 逾期 N 天 / 不适用 in Chinese and in English', () => {
    expect(stateLabel(item('done'), zh)).toBe('按时')
    expect(stateLabel(item('due_soon', { daysLeft: 3 }), zh)).toBe('即将到期（剩 3 天）')
    expect(stateLabel(item('due_soon'), zh)).toBe('即将到期')
    expect(stateLabel(item('due_soon', { daysLeft: 0 }), zh)).toBe('今天到期')
    expect(stateLabel(item('overdue', { overdueDays: 12 }), zh)).toBe('逾期 12 天')
    expect(stateLabel(item('overdue'), zh)).toBe('逾期')
    expect(stateLabel(item('not_applicable'), zh)).toBe('不适用')
    expect(stateLabel(item('pending'), zh)).toBe('未到期')
    expect(stateLabel(item('overdue', { overdueDays: 12 }), en)).toBe('12 days overdue')
  })
  it('sort worst first: the longest overdue, then due soon, then the rest', () => {
    const items = [item('done'), item('overdue', { itemId: 'o2', overdueDays: 2 }), item('not_applicable'), item('due_soon'), item('overdue', { itemId: 'o30', overdueDays: 30 }), item('pending')]
    expect(sortRows(items, stateSeverity, 'asc').map((i) => i.itemId)).toEqual(['o30', 'o2', 'due_soon', 'pending', 'done', 'not_applicable'])
  })
  it('colour by state and count them', () => {
    expect([stateTone('done'), stateTone('due_soon'), stateTone('overdue'), stateTone('not_applicable')]).toEqual(['ok', 'warn', 'bad', 'muted'])
    expect(countStates([item('done'), item('done'), item('overdue')])).toMatchObject({ done: 2, overdue: 1, due_soon: 0 })
  })
  it('flattens villages to rows, filters by village and state, and ranks by on-time rate', () => {
    const s: Supervision = {
      asOf: '2026-12-02',
      villages: [
        { code: 'a', name: '甲村', onTimeRate: 0.5, rank: null, items: [item('done'), item('overdue')] },
        { code: 'b', name: '乙村', onTimeRate: 0.9, rank: null, items: [item('overdue')] },
        { code: 'c', name: '丙村', onTimeRate: null, rank: null, items: [] },
      ],
    }
    expect(supervisionRows(s).length).toBe(3)
    expect(supervisionRows(s, { state: 'overdue' }).map((r) => r.villageName)).toEqual(['甲村', '乙村'])
    expect(supervisionRows(s, { village: 'a', state: 'done' }).map((r) => r.itemId)).toEqual(['done'])
    expect(rankVillages(s.villages).map((v) => v.code)).toEqual(['b', 'a', 'c'])
  })
})

describe('ledger places', () => {
  it('read with the kiosk clerk labels, unknown codes as they are', () => {
    const zhT = translator({ clerk: { place: { board: '公开栏', screen: '电子屏' } }, common: { list_separator: '、' } })
    const enT = translator({ clerk: { place: { board: 'notice board', screen: 'screen' } }, common: { list_separator: ', ' } })
    const te = (k: string) => k === 'clerk.place.board' || k === 'clerk.place.screen'
    expect(placeNames(['board', 'screen'], zhT, te)).toBe('公开栏、电子屏')
    expect(placeNames(['board', 'loudspeaker-2'], enT, te)).toBe('notice board, loudspeaker-2')
  })
})

describe('periods and times', () => {
  it('accepts the report keys the API takes and nothing else', () => {
    expect(isReportKey('month', '2026-11')).toBe(true)
    expect(isReportKey('month', '2026-13')).toBe(false)
    expect(isReportKey('quarter', '2026-Q4')).toBe(true)
    expect(isReportKey('quarter', '2026-Q5')).toBe(false)
    expect(isReportKey('year', '2026')).toBe(true)
  })
  it('defaults to the last whole month and quarter and this year, in Shanghai time (23:30 UTC on 31 Dec is already next year there)', () => {
    expect(defaultReportKeys(Date.parse('2026-12-31T23:30:00Z'))).toEqual({ month: '2026-12', quarter: '2026-Q4', year: '2027' })
    expect(defaultReportKeys(Date.parse('2026-11-15T04:00:00Z'))).toEqual({ month: '2026-10', quarter: '2026-Q3', year: '2026' })
  })
  it('says how long ago a kiosk was seen', () => {
    const now = Date.parse('2026-12-02T06:00:00Z')
    expect(ago('2026-12-02T05:48:00Z', now, zh)).toBe('12 分钟前')
    expect(ago('2026-12-02T03:00:00Z', now, zh)).toBe('3 小时前')
    expect(ago(null, now, zh)).toBe('从未')
  })
})
