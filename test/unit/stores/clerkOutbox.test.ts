// @vitest-environment jsdom
/**
 * The clerk outbox store's pump: a queued record reaches the console and shows
 * as uploaded; offline, nothing is sent and the record says why it waits; a
 * refused upload is timed for a retry, not dropped.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { deleteDatabase, listOutbox, replaceVillageLayer } from '../../../src/db'
import { DEFAULT_CONFIG } from '../../../src/config/runtime'
import { useConfigStore } from '../../../src/stores/config'
import { useClerkOutboxStore } from '../../../src/stores/clerkOutbox'
import { useClerkRecordsStore } from '../../../src/stores/clerkRecords'
import { useSyncStore } from '../../../src/stores/sync'
import { ledger } from '../clerk/fixtures'
import { fakeConsole } from '../clerk/fakeConsole'

let console_: ReturnType<typeof fakeConsole>

beforeEach(async () => {
  await deleteDatabase()
  setActivePinia(createPinia())
  useConfigStore().config = { ...DEFAULT_CONFIG, clerkUploadUrl: 'http://console.test/api/kiosk/records', kioskToken: 'tok-1', kioskId: 'hall-1', villageCode: '341000000001' }
  console_ = fakeConsole()
  vi.stubGlobal('fetch', console_.fetch)
  await replaceVillageLayer({ items: [], ledger: [ledger('ledger-a', { photoIds: [] })], notices: [], photos: [] })
})

afterEach(() => {
  useClerkOutboxStore().stop()
  vi.unstubAllGlobals()
})

const recordA = () => useClerkRecordsStore().records.ledger.find((r) => r.id === 'ledger-a')!

describe('the clerk outbox pump', () => {
  it('sends a queued record and shows it uploaded', async () => {
    await useClerkRecordsStore().loadRecords()
    const outbox = useClerkOutboxStore()
    expect(outbox.uploadState('ledger', recordA())).toMatchObject({ state: 'waiting' })
    await outbox.pumpOutbox()
    expect(console_.records.size).toBe(1)
    expect(await listOutbox()).toEqual([])
    expect(outbox.uploadState('ledger', recordA())).toMatchObject({ state: 'uploaded' })
  })

  it('offline sends nothing and says the record waits for the network', async () => {
    useSyncStore().online = false
    await useClerkRecordsStore().loadRecords()
    const outbox = useClerkOutboxStore()
    await outbox.pumpOutbox()
    expect(console_.log).toEqual([])
    expect(outbox.outbox[0]?.lastError).toMatchObject({ code: 'offline' })
  })

  it('keeps a refused record queued with its reason and a later attempt', async () => {
    console_ = fakeConsole({ fail: () => new Response('{}', { status: 503 }) })
    vi.stubGlobal('fetch', console_.fetch)
    await useClerkRecordsStore().loadRecords()
    const outbox = useClerkOutboxStore()
    const before = Date.now()
    await outbox.pumpOutbox()
    const [entry] = await listOutbox()
    expect(entry?.lastError).toBeTruthy()
    expect(entry!.nextAttemptAt).toBeGreaterThan(before)
  })
})
