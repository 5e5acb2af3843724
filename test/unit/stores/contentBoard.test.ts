/**
 * The board after the sync worker's hand-over: the open notices it worked out as the parts arrived are shown
 * as they are for that minute, and worked out again when the clock's minute turns — a notice whose window
 * closes leaves the board then, whatever the hand-over said.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { RevisionRecord } from '../../../src/db'
import type { NoticeSummary } from '../../../src/notice/summary'
import { openNotices } from '../../../src/notice/window'
import { useClockStore } from '../../../src/stores/clock'
import { useContentStore } from '../../../src/stores/content'

const summary = (id: string, published: string, expires?: string): NoticeSummary => ({ id, title: id, category: 'village', published, expires, pinned: false, urgent: false, sourceId: 's', revision: 5, chunk: 0 }) as NoticeSummary
const record = { sourceId: 's', revision: 5, checklist: [], categories: [] } as unknown as RevisionRecord

beforeEach(() => setActivePinia(createPinia()))

describe('the board after a hand-over', () => {
  it('is the handed-over board for its minute, and worked out anew when the minute turns', () => {
    const clock = useClockStore()
    const content = useContentStore()
    clock.minute = new Date('2026-11-27T02:00:05Z')
    // b closes at 02:00:30: open at the hand-over's minute, closed at the next
    const notices = [summary('a', '2026-11-26T01:00:00.000Z'), summary('b', '2026-11-26T01:00:00.000Z', '2026-11-27T02:00:30.000Z'), summary('c', '2026-11-26T01:00:00.000Z', '2026-11-20T01:00:00.000Z')]
    const handedOver = openNotices(notices, clock.minute)
    content.setLive('s', { record, notices, board: { at: clock.minute, open: handedOver } })
    expect(content.board).toBe(handedOver)
    expect(content.board.map((n) => n.id)).toEqual(['a', 'b'])
    clock.minute = new Date('2026-11-27T02:01:00Z')
    expect(content.board.map((n) => n.id)).toEqual(['a'])
  })

  it('is worked out from all notices when the village shows its own beside the township’s', () => {
    const clock = useClockStore()
    const content = useContentStore()
    clock.minute = new Date('2026-11-27T02:00:05Z')
    const notices = [summary('a', '2026-11-26T01:00:00.000Z')]
    content.setLive('s', { record, notices, board: { at: clock.minute, open: openNotices(notices, clock.minute) } })
    content.villageLayer = { notices: [{ ...summary('v', '2026-11-27T01:00:00.000Z'), origin: 'village' } as never], checklist: [] }
    expect(content.board.map((n) => n.id)).toEqual(['v', 'a'])
  })
})
