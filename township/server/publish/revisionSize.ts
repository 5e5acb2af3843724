/**
 * What a kiosk downloads for one revision — its feed.json and every file it
 * points at — against the kiosk's limit for a whole revision
 * (REVISION_LIMIT_BYTES, src/feed/limits.ts). Checked at publish, shown while
 * composing, so a township learns it before every kiosk refuses the revision.
 */
import { ApiError } from '../errors'
import type { Queryable } from '../db/db'
import { inWords, REVISION_LIMIT_BYTES, type RevisionSize } from '../../../src/feed/limits'
import type { FeedDoc } from './compose'
import { msg } from '../../../src/i18n/message'

type Attachment = { url?: unknown; size_in_bytes?: unknown; _gongkai?: { sha256?: unknown } }

/** Each file once (by URL); a file stored here counts at its stored size or its declared one, whichever is larger (the kiosk trusts neither blindly). */
export async function revisionSize(q: Queryable, doc: FeedDoc): Promise<RevisionSize> {
  const files = new Map<string, { declared: number; sha256: string | null }>()
  for (const item of doc.items) {
    for (const a of (Array.isArray(item.attachments) ? item.attachments : []) as Attachment[]) {
      const url = String(a.url ?? '')
      const declared = typeof a.size_in_bytes === 'number' && a.size_in_bytes > 0 ? a.size_in_bytes : 0
      const sha = typeof a._gongkai?.sha256 === 'string' ? a._gongkai.sha256 : (/^files\/([0-9a-f]{64})/.exec(url)?.[1] ?? null)
      const known = files.get(url)
      files.set(url, { declared: Math.max(declared, known?.declared ?? 0), sha256: sha })
    }
  }
  const shas = [...new Set([...files.values()].flatMap((f) => (f.sha256 ? [f.sha256] : [])))]
  const stored = new Map<string, number>()
  if (shas.length) {
    const rows = await q.query<{ sha256: string; n: number }>('SELECT sha256, octet_length(bytes) AS n FROM feed_files WHERE sha256 = ANY($1)', [shas])
    for (const r of rows) stored.set(r.sha256, Number(r.n))
  }
  let bytes = new TextEncoder().encode(JSON.stringify(doc)).byteLength
  for (const f of files.values()) bytes += Math.max(f.declared, f.sha256 ? (stored.get(f.sha256) ?? 0) : 0)
  const limit = REVISION_LIMIT_BYTES
  return { bytes, limit, over: bytes > limit }
}

/** Refuses a revision a kiosk would refuse, with the limit in words. */
export function requireWithinLimit(size: RevisionSize): void {
  if (!size.over) return
  throw new ApiError(
    413,
    'revision.too_large',
    msg('api.revision_too_large', { size: inWords(size.bytes), limit: inWords(size.limit) }),
    { bytes: size.bytes, limit: size.limit },
  )
}
