/**
 * Optionally, every publication is also written to a folder for any other
 * static host or CDN (TOWNSHIP_PUBLISH_DIR): <dir>/<village>/feed.json, its
 * .sig and files/<sha256> — the same bytes /feeds serves, so the same
 * signature holds. Written after the revision is committed; feed.json last
 * (through a temporary name), so a host never serves a feed whose files are missing.
 */
import { mkdirSync, renameSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { one, type Queryable } from '../db/db'
import { parseDocument } from './compose'

export const PUBLISH_DIR = process.env.TOWNSHIP_PUBLISH_DIR || null

export async function writePublished(q: Queryable, village: string, dir: string): Promise<string> {
  const r = await one<{ feed: Uint8Array; signature: string }>(q, 'SELECT feed, signature FROM revisions WHERE village_code = $1 ORDER BY revision DESC LIMIT 1', [village])
  if (!r) throw new Error(`no published revision for ${village}`)
  const out = join(dir, village)
  mkdirSync(join(out, 'files'), { recursive: true })
  for (const item of parseDocument(r.feed).items) {
    for (const a of (item.attachments ?? []) as { url: string; _gongkai?: { sha256?: string } }[]) {
      const sha = a._gongkai?.sha256
      if (!sha || !a.url.startsWith('files/') || existsSync(join(out, 'files', sha))) continue
      const f = await one<{ bytes: Uint8Array }>(q, 'SELECT bytes FROM feed_files WHERE sha256 = $1', [sha])
      if (f) writeFileSync(join(out, 'files', sha), f.bytes)
    }
  }
  writeFileSync(join(out, 'feed.json.sig'), r.signature + '\n')
  writeFileSync(join(out, 'feed.json.tmp'), r.feed)
  renameSync(join(out, 'feed.json.tmp'), join(out, 'feed.json'))
  return out
}
