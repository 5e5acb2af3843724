/**
 * Publishing a village's feed: the CLI's feedBytes (lint + the kiosk's
 * validator), signed with the township key, stored as the next revision. The
 * number only rises: checked against the latest inside the same transaction,
 * and (village, revision) is the primary key. Issue 15's browser publishing
 * calls this.
 */
import { ApiError } from '../errors'
import { feedBytes } from '../../../cli/commands/build'
import { chinaDay } from '../../../cli/io'
import type { Db } from '../db/db'
import { one } from '../db/db'
import type { Signer } from './signingKey'
import { sha256Hex } from '../tokens'
import { msg } from '../../../src/i18n/message'

export async function latestRevision(db: Pick<Db, 'query'>, village: string): Promise<number> {
  const r = await one<{ n: number | null }>(db, 'SELECT max(revision) AS n FROM revisions WHERE village_code = $1', [village])
  return Number(r?.n ?? 0)
}

/** Publishes `document` for `village` as `document._gongkai.revision` (or the next one). */
export async function publishFeed(
  db: Db,
  signer: Signer,
  o: { village: string; document: Record<string, unknown>; userId?: number | null; now: Date },
): Promise<{ revision: number; sha256: string }> {
  return db.tx(async (q) => {
    const v = await one<{ township_code: string }>(q, 'SELECT township_code FROM villages WHERE code = $1 FOR UPDATE', [o.village])
    if (!v) throw new ApiError(404, 'village.unknown', msg('api.village_unknown.no_such_village'))
    const latest = await latestRevision(q, o.village)
    const doc = structuredClone(o.document) as { _gongkai?: { revision?: number } }
    const wanted = doc._gongkai?.revision ?? latest + 1
    if (!Number.isSafeInteger(wanted) || wanted <= latest) {
      throw new ApiError(409, 'revision.not_higher', msg('api.revision_not_higher', { wanted, latest }), { latest })
    }
    doc._gongkai = { ...doc._gongkai, revision: wanted }
    const problems: string[] = []
    const io = { out: () => undefined, err: (l: string) => void problems.push(l), now: () => o.now }
    const bytes = feedBytes(doc as Record<string, unknown>, io, chinaDay(o.now))
    if (!bytes) throw new ApiError(422, 'feed.invalid', msg('api.feed_invalid'), { problems })
    const { keyId, signature } = await signer.sign(q, v.township_code, bytes)
    const sha256 = sha256Hex(bytes)
    await q.query('INSERT INTO revisions (village_code, revision, feed, signature, sha256, key_id, published_at, published_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      o.village,
      wanted,
      bytes,
      signature,
      sha256,
      keyId,
      o.now,
      o.userId ?? null,
    ])
    return { revision: wanted, sha256 }
  })
}
