/**
 * In-page half of bench/applyStages.ts: the sync worker's stages on a
 * generated feed in a dedicated worker of a real Chromium page, with the real
 * IndexedDB, beside the apply floor (bench/lib/floorApply.ts: JSON.parse + the
 * same 400-notice chunk records in one transaction).
 */
import { generateFeed } from './lib/feedGen.mjs'
import * as valibot from 'valibot'
import { parseFeedText, validateFeed } from '../src/feed/validate'
import { findDuplicateKey } from '../src/feed/duplicateKeys'
import { restoreFeed } from '../src/feed/restore'
import { feedSchema } from '../src/feed/schema'
import { normalizeFeed } from '../src/feed/normalize'
import { guardFeedContent } from '../src/sync/guardContent'
import { buildSearchIndex } from '../src/search/buildIndex'
import { commitRevision, deleteDatabase, getDb, getLiveContentSliced, getSearchIndex, putSearchIndex, readRevisionNotices } from '../src/db'
import { applyFeedBytes } from '../src/sync/applyRevision'
import { floorPut, openFloorDb } from './lib/floorApply'

export interface StagesInput {
  items: number
  rounds: number
  /** one cold run in this fresh worker instead: parseFeedText of the big feed after a 10-notice one, as a kiosk's sync worker meets a new revision */
  cold?: boolean
}

/** parseFeedText (the decode excluded) the first time this worker sees a big feed */
function coldValidate(items: number): Record<string, number[]> {
  const text = JSON.stringify(generateFeed({ items, revision: 2 }))
  // the small feed through the same path first, as the kiosk's worker applied revision 1
  parseFeedText(JSON.stringify(generateFeed({ items: 10, revision: 1 })))
  const t0 = performance.now()
  const r = parseFeedText(text)
  const ms = performance.now() - t0
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)))
  return { 'parseFeedText, cold (fresh worker)': [ms] }
}

/** the shared apply floor (bench/lib/floorApply.ts) without its fetch and paint: parse + the kiosk's chunk layout, one transaction */
async function floor(bytes: Uint8Array): Promise<number> {
  const db = await openFloorDb()
  const t0 = performance.now()
  await floorPut(db, bytes)
  const ms = performance.now() - t0
  db.close()
  return ms
}

export async function runStages(input: StagesInput): Promise<Record<string, number[]>> {
  const url = `${location.origin}/feed.json`
  const rows: Record<string, number[]> = {}
  const add = (k: string, ms: number) => (rows[k] ??= []).push(ms)
  const time = async <T>(k: string, f: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now()
    const r = await f()
    add(k, performance.now() - t0)
    return r
  }
  for (let round = 0; round < input.rounds; round++) {
    await deleteDatabase()
    const bytes = new TextEncoder().encode(JSON.stringify(generateFeed({ items: input.items, revision: 2 + round })))
    add('floor: parse + chunked put', await floor(bytes))
    const text = await time('decode', () => new TextDecoder('utf-8', { fatal: true }).decode(bytes))
    const json = await time('JSON.parse', () => JSON.parse(text) as unknown)
    // validate's parts on their own (validateFeed below is restore + schema + cross-checks)
    await time('  duplicate-key check', () => findDuplicateKey(text, json))
    const restored = await time('  restore', () => restoreFeed(JSON.parse(text) as object).value)
    await time('  schema (valibot)', () => valibot.safeParse(feedSchema, restored, { abortEarly: false }))
    const v = await time('validate', () => validateFeed(json))
    if (!v.ok) throw new Error(JSON.stringify(v.errors.slice(0, 3)))
    const content = await time('normalize', () => normalizeFeed(v.feed, url, 'bench'))
    const g = await time('privacy mask', () => guardFeedContent(content))
    const index = await time('search index', () => buildSearchIndex(g.content))
    await time('commit without index', () =>
      commitRevision({ sourceId: 'a', revision: 1, sha256: '', content: g.content, assets: [], assetUrls: [], privacyFindings: g.privacyFindings }),
    )
    await time('commit with index', () =>
      commitRevision({ sourceId: 'b', revision: 1, sha256: '', content: g.content, assets: [], assetUrls: [], privacyFindings: g.privacyFindings, searchIndex: index }),
    )
    await time('search index, own transaction', () => putSearchIndex('a', 1, index))
    await time('read back: live content', () => getLiveContentSliced('b'))
    await time('read back: notices in chunks', async () => {
      const tx = (await getDb()).transaction(['noticeChunks'], 'readonly')
      await readRevisionNotices({ chunks: tx.objectStore('noticeChunks') }, 'b', 1)
    })
    await time('read back: search index', () => getSearchIndex('b', 1))
    await deleteDatabase()
    let live = 0
    const t0 = performance.now()
    await time('applyFeedBytes (all, index after)', () =>
      applyFeedBytes({ id: 'c', url }, bytes, url, { timeoutMs: 1000, maxBytes: 1 << 30, buildIndex: (c) => buildSearchIndex(c), onLive: () => void (live = performance.now() - t0) }),
    )
    add('applyFeedBytes: until live', live)
  }
  return rows
}

;(self as unknown as { onmessage: (e: MessageEvent<StagesInput>) => void }).onmessage = (e) => {
  if (e.data.cold) {
    try {
      postMessage({ ok: true, rows: coldValidate(e.data.items) })
    } catch (err) {
      postMessage({ ok: false, error: String((err as Error)?.stack ?? err) })
    }
    return
  }
  runStages(e.data).then(
    (rows) => postMessage({ ok: true, rows }),
    (err: unknown) => postMessage({ ok: false, error: String((err as Error)?.stack ?? err) }),
  )
}
