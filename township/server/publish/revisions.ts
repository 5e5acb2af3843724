/**
 * Revisions of a village's feed as publications: the document to build on,
 * publishing one (the server engineer's publishFeed: the CLI's checks, the
 * township key, a number that only rises) with this bookkeeping in the
 * same transaction, and the history — every revision kept, withdrawing a
 * notice and restoring an old revision each make a new, higher one.
 */
import { audit, type Actor } from '../audit'
import { one, type Db, type Queryable } from '../db/db'
import { ApiError, notFound } from '../errors'
import type { Ctx } from '../context'
import { publishFeed } from '../feeds/publish'
import { describeChange, emptyDocument, parseDocument, stamp, withoutItem, type FeedDoc } from './compose'
import { PUBLISH_DIR, writePublished } from './exportFolder'
import { requireWithinLimit, revisionSize } from './revisionSize'
import { msg } from '../../../src/i18n/message'

export async function baseDocument(ctx: Ctx, q: Queryable, village: string): Promise<{ doc: FeedDoc; revision: number }> {
  const r = await one<{ revision: number; feed: Uint8Array }>(q, 'SELECT revision, feed FROM revisions WHERE village_code = $1 ORDER BY revision DESC LIMIT 1', [village])
  if (r) return { doc: parseDocument(r.feed), revision: Number(r.revision) }
  const v = await one<{ code: string; name: string; township: string; county: string }>(
    q,
    'SELECT v.code, v.name, t.name AS township, t.county FROM villages v JOIN townships t ON t.code = v.township_code WHERE v.code = $1',
    [village],
  )
  if (!v) throw notFound(msg('api.thing.village'))
  return { doc: emptyDocument(v, ctx.now()), revision: 0 }
}

/**
 * Publishes `document` as the next revision. `base` is the revision it was
 * made from: when someone published meanwhile, nothing is written (409) and
 * the caller starts again from the new one, so no publication is lost.
 */
export async function publishDocument(
  ctx: Ctx,
  o: { village: string; document: FeedDoc; base: number; userId: number | null; cause: string; draftIds?: number[]; inTx?: (q: Queryable, revision: number) => Promise<void> },
): Promise<{ revision: number; sha256: string }> {
  const db: Db = {
    ...ctx.db,
    tx: (fn) =>
      ctx.db.tx(async (q) => {
        const out = (await fn(q)) as { revision: number }
        if (out.revision !== o.base + 1) {
          throw new ApiError(409, 'revision.moved', msg('api.revision_moved', { n: out.revision - 1 }), { latest: out.revision - 1 })
        }
        await q.query('UPDATE revisions SET cause = $3, source_draft_ids = $4 WHERE village_code = $1 AND revision = $2', [o.village, out.revision, o.cause, o.draftIds ?? []])
        await o.inTx?.(q, out.revision)
        return out as never
      }),
  }
  const document = stamp(o.document, ctx.now())
  requireWithinLimit(await revisionSize(ctx.db, document))
  const out = await publishFeed(db, ctx.signer, { village: o.village, document, userId: o.userId, now: ctx.now() })
  if (PUBLISH_DIR) await writePublished(ctx.db, o.village, PUBLISH_DIR).catch((e) => console.error(`writing ${o.village} to ${PUBLISH_DIR}:`, e))
  return out
}

type RevisionRow = {
  revision: number
  feed: Uint8Array
  sha256: string
  published_at: Date
  published_by: number | null
  display_name: string | null
  cause: string
}

export async function listRevisions(ctx: Ctx, village: string) {
  const rows = await ctx.db.query<Omit<RevisionRow, 'feed'> & { notices: number }>(
    `SELECT r.revision, r.sha256, r.published_at, r.published_by, u.display_name, r.cause,
            jsonb_array_length(convert_from(r.feed, 'UTF8')::jsonb -> 'items') AS notices
       FROM revisions r LEFT JOIN users u ON u.id = r.published_by WHERE r.village_code = $1 ORDER BY r.revision DESC`,
    [village],
  )
  return rows.map((r) => ({ revision: Number(r.revision), sha256: r.sha256, publishedAt: new Date(r.published_at).toISOString(), publishedBy: r.display_name ?? '系统 system', cause: r.cause, notices: Number(r.notices) }))
}

async function revisionRow(q: Queryable, village: string, n: number): Promise<RevisionRow> {
  const r = Number.isSafeInteger(n)
    ? await one<RevisionRow>(q, 'SELECT r.*, u.display_name FROM revisions r LEFT JOIN users u ON u.id = r.published_by WHERE r.village_code = $1 AND r.revision = $2', [village, n])
    : undefined
  if (!r) throw notFound(msg('api.thing.revision', { n }))
  return r
}

/** One revision: its document and, in words, what it changed from the one before. */
export async function revisionView(ctx: Ctx, village: string, n: number) {
  const r = await revisionRow(ctx.db, village, n)
  const prev = await one<{ feed: Uint8Array }>(ctx.db, 'SELECT feed FROM revisions WHERE village_code = $1 AND revision < $2 ORDER BY revision DESC LIMIT 1', [village, n])
  const doc = parseDocument(r.feed)
  return {
    revision: Number(r.revision),
    sha256: r.sha256,
    publishedAt: new Date(r.published_at).toISOString(),
    publishedBy: r.display_name ?? '系统 system',
    cause: r.cause,
    document: doc,
    changes: describeChange(prev ? parseDocument(prev.feed) : null, doc),
  }
}

/** Restoring an old revision publishes its content again as a new, higher revision. */
export async function restoreRevision(ctx: Ctx, actor: Actor, userId: number, village: string, n: number) {
  const old = await revisionRow(ctx.db, village, n)
  const { revision: base } = await baseDocument(ctx, ctx.db, village)
  return publishDocument(ctx, {
    village,
    document: parseDocument(old.feed),
    base,
    userId,
    cause: `restore:${n}`,
    inTx: (q, revision) => audit(q, actor, 'revision.restored', `village:${village}`, { from: n, revision }),
  })
}

/** Withdrawal (撤回): a new revision without the notice; the reason goes to the audit log. */
export async function withdrawNotice(ctx: Ctx, actor: Actor, userId: number, village: string, itemId: string, reason: string) {
  const { doc, revision: base } = await baseDocument(ctx, ctx.db, village)
  const item = doc.items.find((i) => String(i.id) === itemId)
  if (!item) throw notFound(msg('api.thing.published_item', { id: itemId }))
  return publishDocument(ctx, {
    village,
    document: withoutItem(doc, itemId, ctx.now()),
    base,
    userId,
    cause: `withdraw:${itemId}`,
    inTx: (q, revision) => audit(q, actor, 'notice.withdrawn', `village:${village}`, { itemId, title: item.title ?? '', reason, revision }),
  })
}
