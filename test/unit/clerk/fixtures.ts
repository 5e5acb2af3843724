/** Small, valid village-layer records for the clerk tests. */
import type { LedgerRecord, LocalNotice, PhotoRecord, VillageItem, VillageLayer } from '../../../src/clerk/model'

const T = '2026-11-20T08:00:00.000Z'

export function item(id = 'village-item-1', over: Partial<VillageItem> = {}): VillageItem {
  return { id, category: 'finance', title: '村级水费收支', content: '水费收取与支出明细', basis: '村规民约', frequency: { type: 'quarterly' }, channels: ['公开栏'], owner: '报账员', audience: '', retired: false, retiredAt: '', createdAt: T, updatedAt: T, version: 1, ...over }
}

export function ledger(id = 'ledger-1', over: Partial<LedgerRecord> = {}): LedgerRecord {
  return {
    id,
    itemId: 'village-item-1',
    periodKey: '2026-Q3',
    periodLabel: '2026年第三季度',
    postedOn: '2026-10-08',
    places: ['board', 'wechat'],
    takenDownOn: '2026-11-08',
    postedBy: '王文书',
    reviewer: '李监委',
    reviewedOn: '2026-10-07',
    reviewOpinion: '同意公开',
    note: '',
    photoIds: ['photo-1'],
    questions: [{ id: 'q-1', askedOn: '2026-10-10', question: '水费为何上涨？', reply: '水厂调价', repliedOn: '2026-10-12' }],
    createdAt: T,
    updatedAt: T,
    version: 2,
    ...over,
  }
}

export function notice(id = 'notice-1', over: Partial<LocalNotice> = {}): LocalNotice {
  return {
    id,
    title: '停水通知',
    text: '11月30日上午停水。联系人电话 138****0000',
    category: 'notices',
    checklistItem: '',
    published: '2026-11-27T00:00:00.000Z',
    expires: '',
    table: { kind: 'plain', caption: '', unit: '', columns: ['组别', '时间'], rows: [{ kind: 'data', cells: ['一组', '9:00'] }] },
    photoIds: [],
    retired: false,
    masked: [{ field: 'text', kind: 'mobile' }],
    createdAt: T,
    updatedAt: T,
    version: 1,
    ...over,
  }
}

export function photo(id = 'photo-1', bytes = [137, 80, 78, 71, 1, 2, 3, 4]): PhotoRecord {
  return { id, blob: new Blob([new Uint8Array(bytes)], { type: 'image/png' }), mimeType: 'image/png', width: 4, height: 3, createdAt: T }
}

export function layer(): VillageLayer {
  return { items: [item(), item('village-item-2', { retired: true, retiredAt: T })], ledger: [ledger(), ledger('ledger-2', { photoIds: [], itemId: 'gone-item' })], notices: [notice()], photos: [photo()] }
}
