// @vitest-environment jsdom
/**
 * The township's fleet page learns of a new live revision at once: a kiosk
 * that applies one sends a heartbeat then, not 10 minutes later.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useConfigStore } from '../../../src/stores/config'
import { useContentStore, type SourceContent } from '../../../src/stores/content'
import { DEFAULT_CONFIG } from '../../../src/config/schema'
import { deleteDatabase } from '../../../src/db'
import { startFleet } from '../../../src/fleet/runtime'

const live = (revision: number) => new Map([['default', { record: { generatedAt: '2026-12-01T08:00:00+08:00', revision, village: { name: '桐溪村' } }, notices: [] } as unknown as SourceContent]])

beforeEach(async () => {
  await deleteDatabase()
  setActivePinia(createPinia())
})
afterEach(() => vi.unstubAllGlobals())

describe('heartbeat on a new revision', () => {
  it('sends one as soon as the live revision changes, carrying it', async () => {
    const bodies: { contentRevision: number | null }[] = []
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)))
      return new Response(null, { status: 204 })
    }))
    vi.stubGlobal('navigator', { ...navigator, onLine: true, storage: { estimate: async () => ({ usage: 1, quota: 10 }), persisted: async () => true, persist: async () => true } })
    const config = useConfigStore()
    config.config = { ...DEFAULT_CONFIG, feedUrl: 'https://town.example/feed.json', statusUrl: 'https://town.example/api/kiosk/heartbeat', kioskToken: 'secret' }
    const content = useContentStore()
    content.bySource = new Map()
    await startFleet()
    await vi.waitFor(() => expect(bodies.length).toBe(1))
    expect(bodies[0]!.contentRevision).toBeNull()
    content.bySource = live(7)
    await vi.waitFor(() => expect(bodies.length).toBe(2))
    expect(bodies[1]!.contentRevision).toBe(7)
  })
})
