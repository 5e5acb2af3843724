import { describe, expect, it } from 'vitest'
import { residentLayer } from '../../../src/clerk/residentView'
import { fitWithin } from '../../../src/clerk/photo'
import { parseTableText, tableToText } from '../../../src/clerk/noticeTable'
import { item, notice } from './fixtures'

describe('what residents see of the village layer', () => {
  it('shows active local notices marked as posted by the village, and hides withdrawn ones', () => {
    const r = residentLayer([notice(), notice('notice-2', { retired: true })], [])
    expect(r.notices.map((n) => [n.id, n.origin])).toEqual([['notice-1', 'village']])
    expect(r.notices[0]!.table?.columns).toEqual(['组别', '时间'])
  })

  it('adds active village items to the checklist; retired ones stay in clerk history only', () => {
    const r = residentLayer([], [item(), item('village-item-2', { retired: true })])
    expect(r.checklist.map((i) => i.id)).toEqual(['village-item-1'])
    expect(r.checklist[0]).not.toHaveProperty('retired')
  })
})

describe('photo size', () => {
  it.each([
    [4000, 3000, 1600, 1200],
    [3000, 4000, 1200, 1600],
    [1600, 900, 1600, 900],
    [800, 600, 800, 600],
    [10000, 10, 1600, 2],
  ])('%i×%i fits as %i×%i', (w, h, ew, eh) => {
    expect(fitWithin(w, h)).toEqual({ width: ew, height: eh })
  })
})

describe('notice table typed as text', () => {
  it('reads columns and rows separated by | or tab, padding short rows', () => {
    const t = parseTableText('姓名 | 金额\n张三 | 100\n李四\t200\n王五')!
    expect(t.columns).toEqual(['姓名', '金额'])
    expect(t.rows.map((r) => r.cells)).toEqual([['张三', '100'], ['李四', '200'], ['王五', null]])
    expect(parseTableText(tableToText(t))).toEqual(t)
    expect(parseTableText('  \n')).toBeNull()
  })
})
