/**
 * Where the sync worker's time goes on a big feed, stage by stage.
 *
 *   node --import tsx bench/applyStages.ts [items=10000] [rounds=3]            Node, fake-indexeddb
 *   node --import tsx bench/applyStages.ts [items=10000] [rounds=3] --chromium  a dedicated worker in Debian Chromium, real IndexedDB
 *   node --import tsx bench/applyStages.ts [items=10000] [rounds=3] --c109      the same in Chromium 109 (unpacked under the bench's temp folder)
 *   … --c109 --cold                                                             parseFeedText once per fresh worker, `rounds` workers: what a kiosk's sync worker pays for a new revision
 *
 * In Node only the CPU stages (parse, validate, normalise, mask, index) are
 * representative: fake-indexeddb is far slower than Chromium's. The Chromium
 * run times the same stages plus the commit and the apply floor
 * (bench/lib/floorApply.ts: JSON.parse + the kiosk's 400-notice chunks in one
 * transaction) in the same worker.
 */
import 'fake-indexeddb/auto'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { feedBytes } from './lib/feedGen.mjs'
import { chromium109, debianChromium } from './lib/browser.mjs'
import { validateFeed } from '../src/feed/validate'
import { normalizeFeed } from '../src/feed/normalize'
import { guardFeedContent } from '../src/sync/guardContent'
import { buildSearchIndex } from '../src/search/buildIndex'
import { applyFeedBytes } from '../src/sync/applyRevision'
import { closeDb, deleteDatabase } from '../src/db'

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const items = Number(positional[0] ?? 10_000)
const rounds = Number(positional[1] ?? 3)
const inC109 = process.argv.includes('--c109')
const cold = process.argv.includes('--cold')
const inChromium = inC109 || cold || process.argv.includes('--chromium')

async function nodeStages(): Promise<Record<string, number[]>> {
  const bytes = new Uint8Array(feedBytes({ items, revision: 2 }))
  const url = 'https://example.gov.cn/feed.json'
  const rows: Record<string, number[]> = {}
  const add = (k: string, ms: number) => (rows[k] ??= []).push(ms)
  function time<T>(k: string, f: () => T): T {
    const t0 = performance.now()
    const r = f()
    add(k, performance.now() - t0)
    return r
  }
  for (let round = 0; round < rounds; round++) {
    const text = time('decode', () => new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    const json = time('JSON.parse', () => JSON.parse(text) as unknown)
    const v = time('validate', () => validateFeed(json))
    if (!v.ok) throw new Error(JSON.stringify(v.errors.slice(0, 3)))
    const content = time('normalize', () => normalizeFeed(v.feed, url, 'bench'))
    const g = time('privacy mask', () => guardFeedContent(content))
    time('search index', () => buildSearchIndex(g.content))
    time('(structuredClone of notices)', () => structuredClone(g.content.notices))
  }
  await deleteDatabase().catch(() => undefined)
  const t0 = performance.now()
  await applyFeedBytes({ id: 'bench', url }, bytes, url, { timeoutMs: 1000, maxBytes: 1 << 30, buildIndex: (c) => buildSearchIndex(c) })
  add('applyFeedBytes (fake-indexeddb commit)', performance.now() - t0)
  await closeDb()
  return rows
}

async function chromiumStages(): Promise<Record<string, number[]>> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./applyStagesPage.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
  })
  const kind = inC109 ? chromium109() : debianChromium()
  const browser = await chromium.launch({ executablePath: kind.executablePath, headless: true, args: kind.args })
  try {
    const page = await browser.newPage()
    const origin = 'http://localhost:9'
    await page.route(`${origin}/**`, (route) => {
      const path = new URL(route.request().url()).pathname
      if (path === '/worker.js') return route.fulfill({ contentType: 'text/javascript', body: bundle.outputFiles[0]!.text })
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>apply stages</title>' })
    })
    await page.goto(`${origin}/`)
    const inWorker = (input: { items: number; rounds: number; cold?: boolean }) =>
      page.evaluate(
        (input) =>
          new Promise<Record<string, number[]>>((resolve, reject) => {
            const w = new Worker('/worker.js')
            w.onmessage = (e: MessageEvent<{ ok: boolean; rows?: Record<string, number[]>; error?: string }>) => {
              w.terminate()
              if (e.data.ok) resolve(e.data.rows!)
              else reject(new Error(e.data.error))
            }
            w.onerror = (e) => reject(new Error(e.message))
            w.postMessage(input)
          }),
        input,
      )
    if (!cold) return await inWorker({ items, rounds })
    const rows: Record<string, number[]> = {}
    for (let r = 0; r < rounds; r++) for (const [k, a] of Object.entries(await inWorker({ items, rounds: 1, cold: true }))) (rows[k] ??= []).push(...a)
    return rows
  } finally {
    await browser.close()
  }
}

const rows = inChromium ? await chromiumStages() : await nodeStages()
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!
console.log(`${items} notices, ${inChromium ? `${inC109 ? 'Chromium 109' : 'Debian Chromium'} worker, real IndexedDB` : 'Node, fake-indexeddb'}, median of ${rounds}, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`)
for (const [k, a] of Object.entries(rows)) console.log(`${k.padEnd(40)} ${med(a).toFixed(0).padStart(6)} ms   [${a.map((x) => x.toFixed(0)).join(', ')}]`)
