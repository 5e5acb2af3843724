// @vitest-environment jsdom
/**
 * The clerk export/import store: an exported file, inspected, says what it
 * holds and writes nothing until confirmed; confirming replaces the layer;
 * a file that is not an export is refused.
 */
import { EMPTY_TABLE } from '../../../src/notice/noticeTable'
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { deleteDatabase, readClerkRecords, replaceVillageLayer } from '../../../src/db'
import { useClerkTransferStore } from '../../../src/stores/clerkTransfer'
import { useContentStore, type SourceContent } from '../../../src/stores/content'
import { item, ledger } from '../clerk/fixtures'

beforeEach(async () => {
  await deleteDatabase()
  setActivePinia(createPinia())
  // the kiosk's village, as its township feed names it: an export carries it, an import must match it
  const record = { village: { code: '341000000001', name: '青山村' } } as unknown as SourceContent['record']
  useContentStore().bySource = new Map([['township', { record, notices: EMPTY_TABLE }]])
})

describe('clerk export and import', () => {
  it('round-trips the village layer, writing only on confirm', async () => {
    await replaceVillageLayer({ items: [item()], ledger: [ledger('ledger-a', { photoIds: [] })], notices: [], photos: [] })
    const transfer = useClerkTransferStore()
    const file = await transfer.exportFile()
    expect(file.name).toMatch(/^gongkai-341000000001-\d{4}-\d{2}-\d{2}\.zip$/)

    await replaceVillageLayer({ items: [], ledger: [], notices: [], photos: [] })
    const inspected = await transfer.inspectImport(file.blob)
    expect(inspected, JSON.stringify(inspected)).toMatchObject({ ok: true, summary: { counts: { items: 1, ledger: 1 } } })
    expect((await readClerkRecords()).ledger).toEqual([])
    expect(await transfer.confirmImport()).toBe(true)
    expect((await readClerkRecords()).ledger.map((r) => r.id)).toEqual(['ledger-a'])
    expect(await transfer.confirmImport()).toBe(false)
  })

  it('refuses a file that is not an export', async () => {
    const transfer = useClerkTransferStore()
    const r = await transfer.inspectImport(new Blob(['not a zip']))
    expect(r.ok).toBe(false)
    expect(await transfer.confirmImport()).toBe(false)
  })
})
