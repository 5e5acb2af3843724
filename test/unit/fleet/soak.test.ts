// @vitest-environment jsdom
/**
 * Soak: weeks of a hall machine, compressed. With fake timers the real sync
 * scheduler runs 1,000 poll cycles against a feed whose revision changes
 * almost every time (new notices and files), the content store reloads after
 * each, and the kiosk goes through 500 resident-session → idle-reset cycles
 * with the update gate subscribed; heartbeats queue while "offline" and drain.
 * JS heap after forced GC and the IndexedDB contents are sampled every
 * 100 cycles; the test fails if the last decile grew clearly past the second
 * (unbounded growth). Figures: test-results/hall-soak.json.
 */
import { afterAll, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { getDb } from '../../../src/db'
import { syncSource, type SyncOutcome } from '../../../src/sync/syncSource'
import { startSyncScheduler } from '../../../src/sync/scheduler'
import { useContentStore } from '../../../src/stores/content'
import { useKioskStore } from '../../../src/stores/kiosk'
import { createUpdateGate } from '../../../src/fleet/appUpdates'
import { startHeartbeat, type PostFn } from '../../../src/fleet/heartbeat'
import { baseFeed } from '../../support/feeds'

setFlagsFromString('--expose_gc')
const gc = runInNewContext('gc') as () => void

const POLLS = 1000
const IDLE_CYCLES = 500
const POLL_MS = 1000
const FEED = 'https://town.example/feeds/qingshi.json'
const source = { id: 'qingshi', url: FEED }

function feedFor(r: number) {
  const notices = Array.from({ length: 20 }, (_, i) => ({
    id: `N-${(r + i) % 40}`,
    title: `#${r} 公示 ${i}`,
    content_text: `第${r}版：本村第${i}号公示事项。`.repeat(5),
    date_published: '2026-11-24T09:00:00+08:00',
    attachments: i === 0 ? [{ url: `https://town.example/files/r${r}.pdf`, mime_type: 'application/pdf' }, { url: 'https://town.example/files/shared.pdf', mime_type: 'application/pdf' }] : undefined,
    _gongkai: { category: 'village' },
  }))
  return JSON.stringify(baseFeed(r, { notices }))
}

async function idbFigures() {
  const db = await getDb()
  let records = 0
  let bytes = 0
  for (const name of db.objectStoreNames) {
    for (const v of await db.getAll(name)) {
      records++
      bytes += JSON.stringify(v).length + ((v as { size?: number }).size ?? 0)
    }
  }
  return { records, bytes }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

afterAll(() => vi.useRealTimers())

describe('soak', () => {
  it(`${POLLS} poll cycles with changing revisions and ${IDLE_CYCLES} idle/attract cycles keep heap and IndexedDB bounded`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    setActivePinia(createPinia())
    const content = useContentStore()
    const kiosk = useKioskStore()

    // the township's server: a new revision on most polls, sometimes the same one again
    let revision = 1
    let served = 0
    const fetch = async (url: string) => {
      if (url === FEED) {
        served++
        if (served % 7 !== 0) revision++
        return new Response(feedFor(revision), { headers: { 'content-type': 'application/json' } })
      }
      return new Response(`%PDF ${url}`, { headers: { 'content-type': 'application/pdf' } })
    }

    let outcomes = 0
    let applied = 0
    let failed = 0
    let waiter: (() => void) | null = null
    const scheduler = startSyncScheduler({
      sources: [source],
      pollMs: POLL_MS,
      random: () => 0.5,
      run: (s) => syncSource(s, { fetch, timeoutMs: 5000, maxBytes: 5_000_000 }),
      onOutcome: async (_s, o: SyncOutcome) => {
        if (o.kind === 'applied') {
          applied++
          await content.loadAll([source.id])
        }
        if (o.kind === 'failed') failed++
        outcomes++
        waiter?.()
      },
    })
    const nextOutcome = () => new Promise<void>((r) => (waiter = r))

    const gateApplies: number[] = []
    // applying an update reloads the page into the new version: this page's gate is gone after it
    const gate = createUpdateGate({
      activity: () => ({ resting: kiosk.resting, mode: kiosk.mode }),
      onIdleReset: kiosk.onIdleReset,
      apply: () => {
        gateApplies.push(1)
        gate.stop()
      },
    })
    const collector: { online: boolean; received: number } = { online: true, received: 0 }
    const post: PostFn = async () => {
      if (!collector.online) throw new TypeError('offline')
      collector.received++
      return { ok: true, status: 204 }
    }
    const heartbeat = startHeartbeat({
      url: 'https://town.example/status',
      isOnline: () => collector.online,
      post,
      collect: async () => ({ kioskId: 'soak', appVersion: 'test', sources: [], storageUsed: null, storageQuota: null, uptimeSeconds: 0, clockOk: true, now: new Date() }),
    })

    const samples: Array<{ cycle: number; heapMB: number; idbRecords: number; idbKB: number }> = []
    let idleCycles = 0
    const start = Date.now()
    for (let cycle = 1; cycle <= POLLS; cycle++) {
      const done = nextOutcome()
      await vi.advanceTimersByTimeAsync(POLL_MS)
      await done
      // a resident walks up, browses, leaves; the idle countdown resets the screen
      if (cycle % 2 === 0) {
        kiosk.noteActivity()
        kiosk.textSize = 'xlarge'
        kiosk.idleReset()
        idleCycles++
      }
      if (cycle % 10 === 0) {
        collector.online = cycle % 200 >= 50 // offline stretches: heartbeats queue, then drain
        await heartbeat.beat()
      }
      if (cycle === 500) gate.updateFound() // an app update arrives mid-soak and takes over at rest
      if (cycle % 100 === 0) {
        gc()
        const idb = await idbFigures()
        samples.push({ cycle, heapMB: +(process.memoryUsage().heapUsed / 1048576).toFixed(2), idbRecords: idb.records, idbKB: Math.round(idb.bytes / 1024) })
      }
    }
    scheduler.stop()
    heartbeat.stop()
    gate.stop()

    const figures = { polls: outcomes, applied, failed, idleCycles, heartbeatsReceived: collector.received, finalRevision: content.record?.revision, seconds: (Date.now() - start) / 1000, samples }
    mkdirSync(join(__dirname, '../../../test-results'), { recursive: true })
    writeFileSync(join(__dirname, '../../../test-results/hall-soak.json'), JSON.stringify(figures, null, 1))
    console.log('soak:', JSON.stringify(figures))

    expect(outcomes).toBeGreaterThanOrEqual(POLLS)
    expect(idleCycles).toBeGreaterThanOrEqual(IDLE_CYCLES)
    expect(failed).toBe(0)
    expect(applied).toBeGreaterThan(POLLS * 0.8)
    expect(content.record?.revision).toBe(revision)
    expect(kiosk.textSize).toBe('standard')
    expect(gateApplies).toHaveLength(1)
    // bounded: the last decile is not clearly above the second (a leak of one revision per cycle would be)
    const second = samples[1]!
    const last = samples[samples.length - 1]!
    expect(last.idbRecords).toBeLessThanOrEqual(second.idbRecords * 1.1 + 5)
    expect(last.idbKB).toBeLessThanOrEqual(second.idbKB * 1.1 + 20)
    expect(mean(samples.slice(-2).map((s) => s.heapMB))).toBeLessThanOrEqual(mean(samples.slice(1, 3).map((s) => s.heapMB)) * 1.25 + 4)
  }, 240_000)
})
