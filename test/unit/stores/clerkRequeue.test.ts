// @vitest-environment jsdom
/**
 * The upload queue rebuilt from the records (issue 16 item 1): after an import,
 * or when the outbox store was cleared, every record the console has not
 * acknowledged at its version is queued again; acknowledged ones are not.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { deleteDatabase, getDb, listOutbox, replaceVillageLayer, settleOutboxEntry } from '../../../src/db'
import { outboxEntryFor } from '../../../src/clerk/outbox'
import { DEFAULT_CONFIG } from '../../../src/config/runtime'
import { useConfigStore } from '../../../src/stores/config'
import { useClerkStore } from '../../../src/stores/clerk'
import { ledger } from '../clerk/fixtures'

beforeEach(async () => {
  await deleteDatabase()
  setActivePinia(createPinia())
  useConfigStore().config = { ...DEFAULT_CONFIG, clerkUploadUrl: 'http://console.test/api/kiosk/records', kioskToken: 'tok-1', kioskId: 'hall-1', villageCode: '341000000001' }
})

const layer = () => ({ items: [], ledger: [ledger('ledger-a', { photoIds: [] }), ledger('ledger-b', { photoIds: [] })], notices: [], photos: [] })

describe('the upload queue is rebuilt from the records', () => {
  it('an import queues what the console has not acknowledged, and only that', async () => {
    // the console acknowledged ledger-a at version 2 earlier
    const a = outboxEntryFor('ledger', ledger('ledger-a'), new Date())
    await settleOutboxEntry(a, null, { id: a.id, kind: 'ledger', recordId: 'ledger-a', version: 2, at: new Date().toISOString() })
    await replaceVillageLayer(layer())
    const clerk = useClerkStore()
    await clerk.loadRecords()
    const queued = await listOutbox()
    expect(queued.map((e) => e.id)).toEqual(['ledger:ledger-b'])
    expect(JSON.parse(queued[0]!.body)).toMatchObject({ kind: 'ledger', id: 'ledger-b', version: 2, kioskId: 'hall-1', villageCode: '341000000001' })
    expect(clerk.uploadState('ledger', clerk.records.ledger.find((r) => r.id === 'ledger-a')!)).toMatchObject({ state: 'uploaded' })
    expect(clerk.uploadState('ledger', clerk.records.ledger.find((r) => r.id === 'ledger-b')!)).toMatchObject({ state: 'waiting' })
  })

  it('clearing the outbox and the acknowledgements (everything but the records) queues every record again', async () => {
    await replaceVillageLayer(layer())
    const clerk = useClerkStore()
    await clerk.loadRecords()
    expect((await listOutbox()).length).toBe(2)
    const db = await getDb()
    await db.clear('outbox')
    await db.clear('uploads')
    await db.clear('kv')
    await clerk.loadRecords()
    expect((await listOutbox()).map((e) => e.id).sort()).toEqual(['ledger:ledger-a', 'ledger:ledger-b'])
  })

  it('without an upload address nothing is queued', async () => {
    useConfigStore().config = { ...DEFAULT_CONFIG }
    await replaceVillageLayer(layer())
    await useClerkStore().loadRecords()
    expect(await listOutbox()).toEqual([])
  })
})
