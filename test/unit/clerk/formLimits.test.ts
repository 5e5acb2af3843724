import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { LIMITS, villageCategory } from '../../../src/clerk/formLimits'
import { localNoticeSchema, villageItemSchema } from '../../../src/clerk/model'
import { item, notice } from './fixtures'

describe('village notices default to the village-affairs category', () => {
  it.each([
    ['the id village', [{ id: 'party', title: '党务公开' }, { id: 'village', title: '村务公开' }, { id: 'finance', title: '财务公开' }], 'village'],
    ['a title with 村务', [{ id: 'dw', title: '党务公开' }, { id: 'cw', title: '村务公开' }], 'cw'],
    ['no 村务: not the party category', [{ id: 'party', title: '党务公开' }, { id: 'notices', title: '公告' }], 'notices'],
    ['only one', [{ id: 'notices', title: '公告' }], 'notices'],
    ['none', [], undefined],
  ])('%s', (_n, cats, id) => {
    expect(villageCategory(cats)).toBe(id)
  })
})

describe('length limits', () => {
  it('a 2,000-character title is refused; the limit itself is fine', () => {
    expect(v.safeParse(localNoticeSchema, notice('n', { title: '长'.repeat(2000) })).success).toBe(false)
    expect(v.safeParse(localNoticeSchema, notice('n', { title: '长'.repeat(LIMITS.noticeTitle) })).success).toBe(true)
    expect(v.safeParse(villageItemSchema, item('i', { title: '长'.repeat(LIMITS.itemTitle + 1) })).success).toBe(false)
    expect(v.safeParse(villageItemSchema, item('i', { title: '长'.repeat(LIMITS.itemTitle) })).success).toBe(true)
  })
})
