import { describe, expect, it } from 'vitest'
import { noticeStateLabel } from '../../../src/notice/stateLabel'
import { readFileSync } from 'node:fs'

// read as text: the build precompiles locale JSON imports into message functions
const zh = JSON.parse(readFileSync(new URL('../../../src/i18n/locales/zh-CN/notices.json', import.meta.url), 'utf8')) as Record<string, string>

/** the zh-CN messages with {name} filled in, as vue-i18n would */
const t = (key: string, named: Record<string, unknown>) =>
  (zh[key.replace('notices.', '')] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(named[k]))

const now = new Date('2026-11-27T10:00:00+08:00')

describe('noticeStateLabel: the state badge in words', () => {
  it('counts the days left of an open notice', () => {
    expect(noticeStateLabel({ published: '2026-11-20T09:00:00+08:00', expires: '2026-11-30T09:00:00+08:00' }, now, t)).toEqual({ state: 'open', label: '公示中 · 还剩 3 天' })
  })

  it('says long-term for an open notice without an end, ended after its end, and not yet before its start', () => {
    expect(noticeStateLabel({ published: '2026-11-20T09:00:00+08:00' }, now, t).label).toBe(zh.open_long_term)
    // an end more than a year away is no countdown (it read 还剩 26693 天)
    expect(noticeStateLabel({ published: '2026-11-20T09:00:00+08:00', expires: '2099-12-31T18:00:00+08:00' }, now, t).label).toBe('公示中 · 长期公示')
    expect(noticeStateLabel({ published: '2026-11-20T09:00:00+08:00', expires: '2027-11-20T18:00:00+08:00' }, now, t).label).toBe('公示中 · 还剩 359 天')
    expect(noticeStateLabel({ published: '2026-11-01T09:00:00+08:00', expires: '2026-11-08T09:00:00+08:00' }, now, t)).toEqual({ state: 'expired', label: zh.expired })
    expect(noticeStateLabel({ published: '2026-12-01T09:00:00+08:00' }, now, t)).toEqual({ state: 'upcoming', label: zh.upcoming })
  })
})
