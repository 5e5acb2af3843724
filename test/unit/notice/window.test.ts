import { describe, expect, it } from 'vitest'
import { daysLeft, noticeState } from '../../../src/notice/window'
import type { Notice } from '../../../src/feed/types'

const now = new Date('2026-11-27T10:00:00+08:00')
const n = (id: string, p: Partial<Notice>): Notice => ({ id, title: id, category: 'c', pinned: false, urgent: false, attachments: [], tags: [], ...p })

describe('notice window', () => {
  it.each([
    ['not yet published', { published: '2026-12-01T00:00:00+08:00' }, 'upcoming'],
    ['open', { published: '2026-11-20T00:00:00+08:00', expires: '2026-12-01T00:00:00+08:00' }, 'open'],
    ['ended a minute ago', { published: '2026-11-20T00:00:00+08:00', expires: '2026-11-27T09:59:00+08:00' }, 'expired'],
    ['long-term', { published: '2020-01-01T00:00:00+08:00' }, 'open'],
    ['no dates at all', {}, 'open'],
  ] as const)('%s → %s', (_name, p, state) => {
    expect(noticeState(n('x', p), now)).toBe(state)
  })

  it('gives the same state for a date written as the feed normaliser writes it (toISOString) and with an offset, at the edges', () => {
    for (const delta of [-60_000, -1, 0, 1, 60_000]) {
      const at = new Date(now.getTime() + delta)
      const offset = new Date(at.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00')
      for (const p of [{ published: at.toISOString() }, { published: '2026-01-01T00:00:00.000Z', expires: at.toISOString() }])
        expect(noticeState(n('x', p), now)).toBe(noticeState(n('x', { ...p, ...(p.expires ? { expires: offset } : { published: offset }) }), now))
    }
    expect(noticeState(n('x', { expires: now.toISOString() }), now)).toBe('expired')
    expect(noticeState(n('x', { published: new Date(now.getTime() + 1).toISOString() }), now)).toBe('upcoming')
  })

  it('counts days left, today included', () => {
    expect(daysLeft(n('x', { expires: '2026-12-03T18:00:00+08:00' }), now)).toBe(7)
    expect(daysLeft(n('x', {}), now)).toBeNull()
  })
})
