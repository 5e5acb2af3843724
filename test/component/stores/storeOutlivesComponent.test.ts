// @vitest-environment jsdom
/**
 * A store is created by whichever screen first uses it and lives on after that
 * screen is gone. Its watchers must not keep the screen alive: Vue's watch()
 * holds the component current at its creation (vuejs/core#7319), which kept the
 * resident checklist — 60 ledger labels, their elements — in a kiosk's memory
 * for good after a visit (found in the heap bench's snapshot, issue 19 item 6).
 * And the store's watchers still answer after the screen is gone.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, getCurrentInstance, h, nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { useClerkOutboxStore } from '../../../src/stores/clerkOutbox'
import { useKioskStore } from '../../../src/stores/kiosk'
import { useSyncStore } from '../../../src/stores/sync'
import { useConfigStore } from '../../../src/stores/config'
import { useClerkRecordsStore } from '../../../src/stores/clerkRecords'
import { DEFAULT_CONFIG } from '../../../src/config/runtime'
import { deleteDatabase, listOutbox, replaceVillageLayer } from '../../../src/db'
import { ledger } from '../../unit/clerk/fixtures'
import { fakeConsole } from '../../unit/clerk/fakeConsole'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** Resolves whether a registered screen was let go after a few full collections. */
async function collected(gone: { value: boolean }): Promise<boolean> {
  for (let i = 0; i < 6 && !gone.value; i++) {
    gc()
    await new Promise((r) => setTimeout(r, 10))
  }
  return gone.value
}

// held for the file's length: a registry that is itself collected calls nobody back
const registries: FinalizationRegistry<{ value: boolean }>[] = []

beforeEach(() => setActivePinia(createPinia()))

afterEach(() => {
  useClerkOutboxStore().stop()
  vi.unstubAllGlobals()
})

/** mounts a screen whose setup uses a store, unmounts it, and hands back whether it has been let go since */
function visitScreenThatCreates(useStore: () => unknown): { value: boolean } {
  // a FinalizationRegistry, not a WeakRef: a WeakRef keeps its target for as long as the test's task lasts
  const gone = { value: false }
  const registry = new FinalizationRegistry<{ value: boolean }>((flag) => (flag.value = true))
  registries.push(registry)
  const Screen = defineComponent({
    setup() {
      useStore()
      registry.register(getCurrentInstance()!, gone)
      return () => h('p', 'screen')
    },
  })
  // the active pinia, not installed in the screen's app: pinia keeps the app it was last installed in, and a
  // development build's app keeps its root for hot reload
  mount(Screen).unmount()
  return gone
}

describe('a store first used by a screen', () => {
  it('a screen using a store made before it is let go (the measure itself)', async () => {
    useClerkOutboxStore()
    useKioskStore()
    const gone = visitScreenThatCreates(() => [useClerkOutboxStore(), useKioskStore()])
    expect(await collected(gone)).toBe(true)
  })

  it('the clerk outbox does not keep the screen alive', async () => {
    const gone = visitScreenThatCreates(() => useClerkOutboxStore())
    expect(await collected(gone)).toBe(true)
  })

  it('the kiosk settings do not keep the screen alive', async () => {
    const gone = visitScreenThatCreates(() => useKioskStore())
    expect(await collected(gone)).toBe(true)
  })

  it('the outbox still sends what waited when the network comes back after the screen is gone', async () => {
    await deleteDatabase()
    useConfigStore().config = { ...DEFAULT_CONFIG, clerkUploadUrl: 'http://console.test/api/kiosk/records', kioskToken: 'tok-1', kioskId: 'hall-1', villageCode: '341000000001' }
    const township = fakeConsole()
    vi.stubGlobal('fetch', township.fetch)
    await replaceVillageLayer({ items: [], ledger: [ledger('ledger-a', { photoIds: [] })], notices: [], photos: [] })
    useSyncStore().online = false
    visitScreenThatCreates(() => useClerkOutboxStore())
    await useClerkRecordsStore().loadRecords()
    await useClerkOutboxStore().pumpOutbox()
    expect(township.records.size).toBe(0)
    useSyncStore().online = true
    await vi.waitFor(() => expect(township.records.size).toBe(1), { timeout: 5000 })
    expect(await listOutbox()).toEqual([])
  })

  it('the kiosk settings still reach the page after the screen is gone', async () => {
    visitScreenThatCreates(() => useKioskStore())
    useKioskStore().textSize = 'large'
    await nextTick()
    expect(document.documentElement.dataset.text).toBe('large')
    useKioskStore().textSize = 'standard'
    await nextTick()
    expect(document.documentElement.dataset.text).toBeUndefined()
  })
})
