/**
 * The fast item check (src/feed/fastItems.ts) must give exactly the result of
 * the full restore + valibot path: the same feed when it accepts, and the full
 * path (same errors, same zh/en messages, same warnings) whenever it does not.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { validateFeed, validateFull } from '../../../src/feed/validate'
import { fastItem } from '../../../src/feed/fastItems'
import { baseFeed, plainFeed, type Json } from '../../support/feeds'
import { generateFeed, rng } from '../../../bench/lib/feedGen.mjs'

const demo = JSON.parse(readFileSync(new URL('../../../demo/feed.source.json', import.meta.url), 'utf8')) as Json

function same(feed: unknown) {
  expect(validateFeed(feed)).toStrictEqual(validateFull(feed as object))
}

describe('fast item check', () => {
  it('accepts the well-formed items of the demo, test and benchmark feeds with the same output as valibot', () => {
    for (const feed of [baseFeed(), plainFeed(), demo, generateFeed({ items: 300 })]) {
      expect((feed.items as unknown[]).every((i) => fastItem(i) !== null)).toBe(true)
      const r = validateFeed(feed)
      expect(r.ok).toBe(true)
      same(feed)
    }
  })

  it('turns a numeric id into a string, trims column names and MIME types, fills defaults', () => {
    const item = {
      id: 7,
      content_text: 'x',
      attachments: [{ url: 'a.pdf', mime_type: ' application/pdf ' }],
      _gongkai: { table: { columns: [' 项目 '], rows: [{ cells: [1] }] } },
    }
    expect(fastItem(item)).toStrictEqual({
      id: '7',
      content_text: 'x',
      attachments: [{ url: 'a.pdf', mime_type: 'application/pdf' }],
      _gongkai: { pinned: false, urgent: false, table: { kind: 'plain', caption: '', unit: '', columns: ['项目'], rows: [{ kind: 'data', cells: [1] }] } },
    })
  })

  it('leaves to the full path what restore would drop or valibot would refuse', () => {
    const bad: Json[] = [
      { id: 'a', content_text: 'x', title: '' }, // restore drops it with a warning
      { id: 'a', content_text: 'x', url: '' },
      { id: 'a', content_text: 'x', author: { name: 'x' } }, // JSON Feed 1.0 author, upgraded by restore
      { id: 'a', content_text: 'x', extra: 1 }, // unknown keys: valibot drops them, the full path decides
      { id: ' ', content_text: 'x' },
      { id: 'a', content_text: 'x', _gongkai: { table: { columns: ['a'], rows: [['x']] } } }, // a short-form row
      { id: 1.5, content_text: 'x' },
      { id: 'a', content_text: 'x', date_published: '2026-02-30T09:00:00+08:00' },
      { id: 'a', content_text: 'x', _gongkai: { table: { columns: ['a'], rows: [{ cells: [] }] } } },
      { id: 'a', content_text: 'x', _gongkai: { table: { columns: ['a'], rows: [{ cells: ['x'.repeat(2001)] }] } } },
      { id: 'a', content_text: 'x', _gongkai: { pinned: 'yes' } },
      { id: 'a', content_text: 'x', attachments: [{ url: 'a.pdf', mime_type: '  ' }] },
    ]
    for (const item of bad) {
      expect(fastItem(item)).toBeNull()
      same({ ...baseFeed(), items: [item] })
    }
  })

  it('gives the full path’s result for thousands of randomly damaged items', () => {
    const r = rng(8)
    const POOL: unknown[] = [
      null, undefined, '', '  ', 'x', ' text ', 0, 1, -1, 1.5, NaN, Infinity, 2 ** 53 + 2, true, false, {}, [], [null], ['a'], [1],
      'a/b', 'N-1', 'N-3', 'party', 'finance', 'CW-01', 'XX-99', '2026-11-24T09:00:00+08:00', '2026-12-31T09:00:00Z', '2026-02-30T09:00:00+08:00',
      '2026-11-24', '0050-01-01T00:00:00Z', 'x'.repeat(2001), 'x'.repeat(4097), 'a'.repeat(64), '0'.repeat(64), 'opening', 'tax', 'list',
      'application/pdf', { url: 'a.pdf', mime_type: 'application/pdf' }, { cells: ['a', 1] }, { name: 'x' }, { sha256: 'f'.repeat(64) },
    ]
    const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!
    // every object or array inside an item, with the items of the test, demo and benchmark feeds as seeds
    const containers = (x: unknown, out: (Json | unknown[])[] = []) => {
      if (x && typeof x === 'object') {
        out.push(x as Json)
        for (const v of Object.values(x)) containers(v, out)
      }
      return out
    }
    const seeds = [...baseFeed().items, ...(demo.items as Json[]).slice(0, 40), ...generateFeed({ items: 20 }).items] as Json[]
    let fast = 0
    for (let n = 0; n < 3000; n++) {
      const item = structuredClone(pick(seeds))
      for (let m = 1 + Math.floor(r() * 2); m > 0; m--) {
        const c = pick(containers(item))
        const keys = Object.keys(c)
        const op = r()
        if (Array.isArray(c)) {
          if (op < 0.3 && c.length) c.splice(Math.floor(r() * c.length), 1)
          else if (op < 0.5) c.push(structuredClone(pick(POOL)))
          else if (c.length) c[Math.floor(r() * c.length)] = structuredClone(pick(POOL))
        } else if (op < 0.25 && keys.length) delete c[pick(keys)]
        else if (op < 0.35) c[pick(['extra', 'author', 'kind', 'cells', 'title', 'url', 'pinned', 'table', 'expires', '_gongkai'])] = structuredClone(pick(POOL))
        else if (keys.length) c[pick(keys)] = structuredClone(pick(POOL))
      }
      if (fastItem(item) !== null) fast++
      same({ ...baseFeed(), items: [baseFeed().items[0], item] })
    }
    // the comparison covered both branches many times
    expect(fast).toBeGreaterThan(300)
    expect(fast).toBeLessThan(2700)
  })
})
