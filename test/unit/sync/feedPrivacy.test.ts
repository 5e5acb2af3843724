/**
 * Last line of defence: personal numbers in any feed text are stored (so
 * shown) masked, and the revision records where, for #/status.
 */
import { describe, expect, it } from 'vitest'
import { applyFeedBytes } from '../../../src/sync/applyRevision'
import { getLiveContentSliced, getLiveRecord } from '../../../src/db'
import { baseFeed, encode } from '../../support/feeds'

describe('privacy guard on feed content', () => {
  it('masks IDs, mobiles and cards in notices, tables, handbook and checklist, and lists them', async () => {
    const f = baseFeed(1)
    f.items[0].content_text = '联系人 13812345678'
    f.items[0].title = '低保公示 11010519491231002X'
    f.items[1].content_html = '<p>收款卡号 <b>6217000000001234560</b></p>'
    f.items[1]._gongkai.table.rows[0].cells[0] = '期初 13900001111'
    f._gongkai.handbook.chapters[0].content_markdown = '监督电话 13700002222'
    f._gongkai.checklist[0].owner = '会计 13600003333'
    await applyFeedBytes({ id: 'pii', url: 'https://x.example/f.json' }, encode(f), 'https://x.example/f.json', { timeoutMs: 1000, maxBytes: 1 << 20 })

    const live = await getLiveContentSliced('pii')
    const stored = JSON.stringify(live)
    for (const raw of ['13812345678', '11010519491231002X', '6217000000001234560', '13900001111', '13700002222', '13600003333']) expect(stored).not.toContain(raw)
    const n1 = live!.notices.find((n) => n.id === 'N-1')!
    expect(n1.text).toBe('联系人 138****5678')
    expect(n1.title).toBe('低保公示 110105********002X')
    expect(live!.notices.find((n) => n.id === 'N-2')!.html).toContain('<b>6217***********4560</b>')

    const record = await getLiveRecord('pii')
    expect(record!.privacyFindings!.map((p) => p.noticeId).sort()).toEqual(['N-1', 'N-2', 'checklist:CF-01', 'handbook:ch-1'])
    expect(record!.privacyFindings!.find((p) => p.noticeId === 'N-1')!.fields).toEqual([
      { field: 'title', kind: 'id18' },
      { field: 'text', kind: 'mobile' },
    ])
    expect(record!.signedWith).toBeUndefined()
  })
})
