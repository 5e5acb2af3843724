/**
 * The board: the open notices of the table the store holds, worked out again when the clock's minute turns
 * (a notice whose window closes leaves the board then), the same list while the same notices are open,
 * and the village's own notices beside the township's.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { RevisionRecord } from '../../../src/db'
import type { NoticeSummary } from '../../../src/notice/summary'
import { tableOf } from '../../../src/notice/noticeTable'
import { useClockStore } from '../../../src/stores/clock'
import { useContentStore } from '../../../src/stores/content'

const summary = (id: string, published: string, expires?: string): NoticeSummary => ({ id, title: id, category: 'village', published, expires, pinned: false, urgent: false, sourceId: 's', revision: 5, chunk: 0 }) as NoticeSummary
const record = { sourceId: 's', revision: 5, checklist: [], categories: [] } as unknown as RevisionRecord

beforeEach(() => setActivePinia(createPinia()))

describe('the board', () => {
  it('is worked out anew when the minute turns, and stays the same list while the same notices are open', () => {
    const clock = useClockStore()
    const content = useContentStore()
    clock.minute = new Date('2026-11-27T02:00:05Z')
    // b closes at 02:01:30: open for two minutes, closed at the third
    const notices = [summary('a', '2026-11-26T01:00:00.000Z'), summary('b', '2026-11-26T01:00:00.000Z', '2026-11-27T02:01:30.000Z'), summary('c', '2026-11-26T01:00:00.000Z', '2026-11-20T01:00:00.000Z')]
    content.setLive('s', { record, notices: tableOf(notices) })
    const first = content.board
    expect(first.map((n) => n.id)).toEqual(['a', 'b'])
    clock.minute = new Date('2026-11-27T02:01:00Z')
    expect(content.board).toBe(first)
    clock.minute = new Date('2026-11-27T02:02:00Z')
    expect(content.board.map((n) => n.id)).toEqual(['a'])
  })

  it('shows the village’s own notices beside the township’s, and finds either by id', () => {
    const clock = useClockStore()
    const content = useContentStore()
    clock.minute = new Date('2026-11-27T02:00:05Z')
    content.setLive('s', { record, notices: tableOf([summary('a', '2026-11-26T01:00:00.000Z')]) })
    content.villageLayer = { notices: [{ ...summary('v', '2026-11-27T01:00:00.000Z'), sourceId: 'village', origin: 'village' } as never], checklist: [] }
    expect(content.board.map((n) => n.id)).toEqual(['v', 'a'])
    expect(content.noticeById('v')).toMatchObject({ id: 'v', origin: 'village', sourceId: 'village' })
    expect(content.noticeById('a')).toMatchObject({ id: 'a', chunk: 0, revision: 5 })
    expect(content.noticeById('x')).toBeUndefined()
    expect(content.allNotices().map((n) => n.id)).toEqual(['a', 'v'])
  })
})
