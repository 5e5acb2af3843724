import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { countHeartbeats, deleteDatabase, listHeartbeats } from '../../../src/db'
import { buildHeartbeat, HEARTBEAT_MS, MAX_QUEUED, startHeartbeat, type HeartbeatFacts, type PostFn } from '../../../src/fleet/heartbeat'

const facts = (over: Partial<HeartbeatFacts> = {}): HeartbeatFacts => ({
  kioskId: 'qingshi-hall-1',
  appVersion: '1.4.0',
  sources: [
    { id: 'default', village: '青石村', revision: 12, generatedAt: '2026-11-27T08:00:00+08:00', lastSuccessfulSync: '2026-11-27T03:00:00.000Z', lastError: null },
  ],
  storageUsed: 5_000_000,
  storageQuota: 100_000_000,
  uptimeSeconds: 3600.4,
  clockOk: true,
  now: new Date(),
  ...over,
})

/** a collector: records bodies, fails while `down` */
function collector() {
  const bodies: Record<string, unknown>[] = []
  const state = { down: false }
  const post: PostFn = async (_url, body) => {
    if (state.down) throw new TypeError('Failed to fetch')
    bodies.push(JSON.parse(body))
    return { ok: true, status: 204 }
  }
  return { bodies, state, post }
}

beforeEach(async () => {
  await deleteDatabase()
})
afterEach(() => vi.useRealTimers())

describe('heartbeat', () => {
  it('carries the fields a township needs to spot a stale kiosk', () => {
    const hb = buildHeartbeat(facts())
    expect(hb).toMatchObject({
      format: 1,
      kioskId: 'qingshi-hall-1',
      village: '青石村',
      appVersion: '1.4.0',
      contentRevision: 12,
      lastSuccessfulSync: '2026-11-27T03:00:00.000Z',
      lastError: null,
      storageUsed: 5_000_000,
      uptime: 3600,
      clockOk: true,
    })
    expect(hb.id).toMatch(/^[0-9a-z]{9}-[0-9a-z]{6}$/)
  })

  it('reports the stalest village and the newest error of a multi-village kiosk', () => {
    const err = (at: string) => ({ code: 'network', zh: '网络不通', en: 'network down', at })
    const hb = buildHeartbeat(
      facts({
        sources: [
          { id: 'a', village: '甲村', revision: 3, generatedAt: null, lastSuccessfulSync: '2026-11-27T03:00:00Z', lastError: err('2026-11-26T01:00:00Z') },
          { id: 'b', village: '乙村', revision: 9, generatedAt: null, lastSuccessfulSync: '2026-11-20T03:00:00Z', lastError: err('2026-11-27T01:00:00Z') },
        ],
      }),
    )
    expect(hb.lastSuccessfulSync).toBe('2026-11-20T03:00:00Z')
    expect(hb.lastError?.at).toBe('2026-11-27T01:00:00Z')
    expect(hb.sources).toHaveLength(2)
  })

  it('sends one every 10 minutes; while offline they queue and are all sent, oldest first, when the network is back', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    const c = collector()
    let online = true
    const events = new EventTarget()
    const loop = startHeartbeat({ url: 'https://town.example/kiosk-status', collect: async () => facts({ now: new Date() }), isOnline: () => online, post: c.post, events })
    await loop.beat()
    expect(c.bodies).toHaveLength(1)

    online = false
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(HEARTBEAT_MS)
      await vi.waitFor(async () => expect(await countHeartbeats()).toBe(i + 1))
    }
    expect(c.bodies).toHaveLength(1)

    online = true
    events.dispatchEvent(new Event('online'))
    await vi.waitFor(() => expect(c.bodies).toHaveLength(4))
    expect(await countHeartbeats()).toBe(0)
    const times = c.bodies.map((b) => b.createdAt as string)
    expect([...times].sort()).toEqual(times)
    expect(new Set(c.bodies.map((b) => b.id)).size).toBe(4)
    loop.stop()
  })

  it('carries the kiosk token in the body it sends, never in what is stored or shown', async () => {
    const c = collector()
    const loop = startHeartbeat({ url: 'https://town.example/s', token: 'secret-tok', collect: async () => facts({ now: new Date() }), isOnline: () => false, post: c.post })
    await loop.beat()
    // queued while offline: the stored copy has no token
    expect(JSON.stringify(await listHeartbeats(10))).not.toContain('secret-tok')
    expect(JSON.stringify(buildHeartbeat(facts()))).not.toContain('secret-tok')
    loop.stop()
    const online = startHeartbeat({ url: 'https://town.example/s', token: 'secret-tok', collect: async () => facts({ now: new Date() }), isOnline: () => true, post: c.post })
    await online.beat()
    online.stop()
    expect(c.bodies.length).toBe(2)
    for (const b of c.bodies) expect(b).toMatchObject({ token: 'secret-tok', kioskId: 'qingshi-hall-1' })
  })

  it('a collector that is down keeps heartbeats queued, not lost', async () => {
    const c = collector()
    c.state.down = true
    const loop = startHeartbeat({ url: 'https://town.example/s', collect: async () => facts({ now: new Date() }), isOnline: () => true, post: c.post })
    const r1 = await loop.beat()
    expect(r1).toMatchObject({ sent: 0, left: 1, error: 'Failed to fetch' })
    c.state.down = false
    const r2 = await loop.beat()
    expect(r2).toMatchObject({ sent: 2, left: 0, error: null })
    loop.stop()
  })

  it('keeps only the newest day of heartbeats while offline for weeks', async () => {
    const loop = startHeartbeat({ url: 'https://town.example/s', collect: async () => facts({ now: new Date() }), isOnline: () => false })
    for (let i = 0; i < MAX_QUEUED + 10; i++) await loop.beat()
    loop.stop()
    const q = await listHeartbeats()
    expect(q).toHaveLength(MAX_QUEUED)
  })
})
