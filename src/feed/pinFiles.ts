/**
 * The builder's side of pinned files (issue 18 §2): which images a feed
 * document shows, and the document with their SHA-256 in `_gongkai.files`.
 * Used by `gongkai-feed build` and the township console, so a signed feed
 * always pins what the kiosk will check (sync/filePolicy.ts). Hashing is the
 * caller's (Node crypto in the CLI and console).
 */
import type { FeedDocument } from './schema'
import { normalizeFeed } from './normalize'
import { listAssets } from './assets'

/** stands in for the feed's address: relative URLs stay relative to feed.json */
const BASE = 'https://feed.invalid/'

/** the images a valid document shows, as written relative to feed.json (or absolute when written so) */
export function imagesToPin(document: FeedDocument): string[] {
  return listAssets(normalizeFeed(document, BASE), BASE)
    .filter((r) => r.kind === 'image')
    .map((r) => (r.url.startsWith(BASE) ? decodeURI(r.url.slice(BASE.length)) : r.url))
}

/** the document with `_gongkai.files` set to these hashes (sorted by URL, so builds are stable) */
export function withPinnedFiles<T extends { _gongkai?: unknown }>(document: T, files: { url: string; sha256: string }[]): T {
  const ext = (document._gongkai ?? {}) as Record<string, unknown>
  const sorted = [...files].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
  return { ...document, _gongkai: { ...ext, files: sorted } }
}
