// @vitest-environment jsdom
/**
 * Heartbeat format 1 carries the last sync error's words in Chinese and English (docs/heartbeat.md):
 * the kiosk words the stored code from sync.json as it builds the heartbeat, the text #/status shows.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useConfigStore } from '../../../src/stores/config'
import { useContentStore } from '../../../src/stores/content'
import { DEFAULT_CONFIG } from '../../../src/config/schema'
import { deleteDatabase, putSyncState } from '../../../src/db'
import { collectFacts } from '../../../src/fleet/runtime'

beforeEach(async () => {
  await deleteDatabase()
  setActivePinia(createPinia())
  vi.stubGlobal('navigator', { ...navigator, storage: { estimate: async () => ({ usage: 1, quota: 10 }), persisted: async () => true } })
})
afterEach(() => vi.unstubAllGlobals())

describe('heartbeat error words', () => {
  it('words the stored code in both languages, whatever words an older record holds', async () => {
    useConfigStore().config = { ...DEFAULT_CONFIG, feedUrl: 'https://town.example/feed.json' }
    useContentStore().bySource = new Map()
    const at = '2026-12-02T02:00:00Z'
    await putSyncState({ sourceId: 'default', consecutiveFailures: 1, lastError: { code: 'timeout', at, zh: '旧说法', en: 'old' } as never })
    const facts = await collectFacts(new Date('2026-12-02T03:00:00Z'))
    expect(facts.sources[0]!.lastError).toEqual({ code: 'timeout', zh: '连接内容服务器超时', en: 'the content server did not answer in time', at })
  })
})
