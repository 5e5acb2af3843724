/**
 * 审核 (review) of notice drafts: draft → submitted → approved → published (or
 * scheduled, then published), rejected back to the author with a reason. Two
 * people see every notice before residents do: whoever approves or rejects
 * is never the author (checked here, whatever the role). Every step is one
 * transaction with its audit entry.
 */
import { audit, type Actor } from '../audit'
import { one, type Queryable } from '../db/db'
import { ApiError, badRequest, notFound } from '../errors'
import type { Ctx, SessionUser } from '../context'
import { chinaDay } from '../../../cli/io'
import { ID_PATTERN } from '../../../src/feed/schema'
import { CHECKLIST_ITEM_ID, DRAFT_KINDS, findingsForDraft, withDraft, type DraftKind, type FeedItem } from './compose'
import { baseDocument, publishDocument } from './revisions'
import { revisionSize } from './revisionSize'
import { msg, type Message } from '../../../src/i18n/message'
import type { ComposedMessage } from '../../../src/i18n/compose'

export type DraftState = 'draft' | 'submitted' | 'approved' | 'scheduled' | 'published' | 'rejected'

export type DraftRow = {
  id: number
  village_code: string
  kind: DraftKind
  item_id: string
  item: FeedItem
  state: DraftState
  author_id: number
  publish_at: Date | null
  published_revision: number | null
  created_at: Date
  updated_at: Date
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

export async function draftRow(q: Queryable, id: number, forUpdate = false): Promise<DraftRow> {
  const r = Number.isSafeInteger(id) ? await one<DraftRow>(q, `SELECT * FROM drafts WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]) : undefined
  if (!r) throw notFound(msg('api.thing.draft'))
  return { ...r, id: Number(r.id), author_id: Number(r.author_id) }
}

/** The draft as the web console shows it, with the CLI's lint findings on the feed it would publish. */
export async function draftView(ctx: Ctx, d: DraftRow) {
  const reviews = await ctx.db.query<{ decision: string; reason: string; at: Date; display_name: string; user_id: number }>(
    'SELECT r.decision, r.reason, r.at, r.user_id, u.display_name FROM reviews r JOIN users u ON u.id = r.user_id WHERE r.draft_id = $1 ORDER BY r.at, r.id',
    [d.id],
  )
  const author = await one<{ display_name: string }>(ctx.db, 'SELECT display_name FROM users WHERE id = $1', [d.author_id])
  const { doc } = await baseDocument(ctx, ctx.db, d.village_code)
  const next = withDraft(doc, d.kind, d.item, ctx.now())
  const findings = findingsForDraft(next, d.kind, d.item_id, chinaDay(ctx.now()))
  return {
    id: d.id,
    villageCode: d.village_code,
    kind: d.kind,
    itemId: d.item_id,
    item: d.item,
    state: d.state,
    authorId: d.author_id,
    authorName: author?.display_name ?? '',
    publishAt: iso(d.publish_at),
    publishedRevision: d.published_revision,
    createdAt: iso(d.created_at),
    updatedAt: iso(d.updated_at),
    reviews: reviews.map((r) => ({ decision: r.decision, reason: r.reason, at: iso(r.at), userId: Number(r.user_id), userName: r.display_name })),
    findings,
    blocking: findings.some((f) => f.severity === 'error'),
    size: await revisionSize(ctx.db, next),
  }
}

/** A draft's item as the editor sent it, checked for shape; the id is the draft's own unless it edits a published notice. */
export function cleanItem(raw: unknown, fallbackId: string): FeedItem {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badRequest('draft.invalid', msg('api.draft_invalid.notice_object'), { field: 'item' })
  const item = structuredClone(raw) as FeedItem
  const id = typeof item.id === 'string' && item.id ? item.id : fallbackId
  if (!ID_PATTERN.test(id)) throw badRequest('draft.invalid', msg('api.draft_invalid.notice_id', { id }), { field: 'id' })
  item.id = id
  if (typeof item.title !== 'string' || !item.title.trim()) throw badRequest('draft.invalid', msg('api.draft_invalid.give_notice_title'), { field: 'title' })
  if (item.title.length > 200) throw badRequest('draft.invalid', msg('api.draft_invalid.keep_title_under_200'), { field: 'title' })
  return item
}

/** a checklist of a village is a few hundred rows at most */
const MAX_CHECKLIST_ROWS = 1000
const MAX_CHAPTER = 200_000

export function draftKind(raw: unknown): DraftKind {
  if (raw === undefined) return 'notice'
  if (typeof raw === 'string' && (DRAFT_KINDS as readonly string[]).includes(raw)) return raw as DraftKind
  throw badRequest('draft.invalid', msg('api.draft_invalid.kind', { kinds: DRAFT_KINDS.join(', ') }), { field: 'kind' })
}

/** A draft's content as the editor sent it, checked for shape (the feed's validator and lint check the rest). */
export function cleanDraftItem(kind: DraftKind, raw: unknown, fallbackId: string): FeedItem {
  if (kind === 'notice') return cleanItem(raw, fallbackId)
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badRequest('draft.invalid', msg('api.draft_invalid.draft_object'), { field: 'item' })
  const r = raw as Record<string, unknown>
  if (kind === 'checklist') {
    const rows = r.checklist
    if (!Array.isArray(rows) || rows.some((x) => typeof x !== 'object' || x === null || Array.isArray(x))) throw badRequest('draft.invalid', msg('api.draft_invalid.checklist_list_items'), { field: 'checklist' })
    if (rows.length > MAX_CHECKLIST_ROWS) throw badRequest('draft.invalid', msg('api.draft_invalid.checklist_rows', { max: MAX_CHECKLIST_ROWS }), { field: 'checklist' })
    return { id: CHECKLIST_ITEM_ID, title: '公开事项清单', checklist: structuredClone(rows) }
  }
  const id = typeof r.id === 'string' && r.id ? r.id : fallbackId
  if (!ID_PATTERN.test(id)) throw badRequest('draft.invalid', msg('api.draft_invalid.chapter_id', { id }), { field: 'id' })
  if (typeof r.title !== 'string' || !r.title.trim() || r.title.length > 200) throw badRequest('draft.invalid', msg('api.draft_invalid.give_chapter_title_up'), { field: 'title' })
  const body = typeof r.content_markdown === 'string' ? r.content_markdown : ''
  if (body.length > MAX_CHAPTER) throw badRequest('draft.invalid', msg('api.draft_invalid.chapter_too_long'), { field: 'content_markdown' })
  return { id, title: r.title.trim(), content_markdown: body }
}

function requireAuthorOrAdmin(u: SessionUser, d: DraftRow) {
  if (d.author_id !== u.id && u.role !== 'admin') throw new ApiError(403, 'draft.not_author', msg('api.draft_not_author'))
}

/** The rule of 审核: the reviewer is never the author. */
export function requireOtherThanAuthor(u: SessionUser, d: DraftRow) {
  if (d.author_id === u.id) {
    throw new ApiError(403, 'review.own_draft', msg('api.review_own_draft'), { authorId: d.author_id })
  }
}

function requireState(d: DraftRow, ...states: DraftState[]) {
  if (!states.includes(d.state)) {
    throw new ApiError(409, 'draft.wrong_state', { code: 'api.draft_wrong_state', params: { state: msg(`publish.state.${d.state}`) } }, { state: d.state })
  }
}

/** the first blocking finding is a message of its own (src/feed/lint), worded in each locale inside the refusal */
const lintBlocked = (count: number, first: Message): ComposedMessage => ({ code: 'api.draft_lint_blocked', params: { count, first } })

async function record(q: Queryable, actor: Actor, u: SessionUser, d: DraftRow, decision: string, reason = '', details: Record<string, unknown> = {}) {
  await q.query('INSERT INTO reviews (draft_id, user_id, decision, reason, at) VALUES ($1, $2, $3, $4, now())', [d.id, u.id, decision, reason])
  await audit(q, actor, `draft.${decision}`, `draft:${d.id}`, { village: d.village_code, itemId: d.item_id, ...(reason ? { reason } : {}), ...details })
}

export async function createDraft(ctx: Ctx, actor: Actor, u: SessionUser, village: string, rawItem: unknown, kind: DraftKind = 'notice'): Promise<DraftRow> {
  return ctx.db.tx(async (q) => {
    const seq = await one<{ id: number }>(q, "SELECT nextval(pg_get_serial_sequence('drafts', 'id')) AS id")
    const id = Number(seq!.id)
    const item = cleanDraftItem(kind, rawItem, `${kind === 'chapter' ? 'H' : 'N'}-${chinaDay(ctx.now()).replace(/-/g, '')}-${id}`)
    await q.query('INSERT INTO drafts (id, village_code, kind, item_id, item, author_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)', [id, village, kind, item.id, JSON.stringify(item), u.id, ctx.now()])
    await audit(q, actor, 'draft.created', `draft:${id}`, { village, kind, itemId: item.id })
    return draftRow(q, id)
  })
}

export async function updateDraft(ctx: Ctx, actor: Actor, u: SessionUser, id: number, rawItem: unknown): Promise<DraftRow> {
  return ctx.db.tx(async (q) => {
    const d = await draftRow(q, id, true)
    requireAuthorOrAdmin(u, d)
    requireState(d, 'draft', 'rejected')
    const item = cleanDraftItem(d.kind, rawItem, d.item_id)
    item.id = d.item_id
    // an edited rejected draft is a draft again, to be submitted anew
    await q.query("UPDATE drafts SET item = $2, state = 'draft', updated_at = $3 WHERE id = $1", [id, JSON.stringify(item), ctx.now()])
    await audit(q, actor, 'draft.updated', `draft:${id}`, { village: d.village_code, itemId: d.item_id })
    return draftRow(q, id)
  })
}

export async function submitDraft(ctx: Ctx, actor: Actor, u: SessionUser, id: number): Promise<DraftRow> {
  return ctx.db.tx(async (q) => {
    const d = await draftRow(q, id, true)
    requireAuthorOrAdmin(u, d)
    requireState(d, 'draft', 'rejected')
    const { doc } = await baseDocument(ctx, q, d.village_code)
    const errors = findingsForDraft(withDraft(doc, d.kind, d.item, ctx.now()), d.kind, d.item_id, chinaDay(ctx.now())).filter((f) => f.severity === 'error')
    if (errors.length) {
      throw new ApiError(422, 'draft.lint_blocked', lintBlocked(errors.length, errors[0]!), { findings: errors })
    }
    await q.query("UPDATE drafts SET state = 'submitted', updated_at = $2 WHERE id = $1", [id, ctx.now()])
    await record(q, actor, u, d, 'submitted')
    return draftRow(q, id)
  })
}

export async function approveDraft(ctx: Ctx, actor: Actor, u: SessionUser, id: number): Promise<DraftRow> {
  return ctx.db.tx(async (q) => {
    const d = await draftRow(q, id, true)
    requireOtherThanAuthor(u, d)
    requireState(d, 'submitted')
    await q.query("UPDATE drafts SET state = 'approved', updated_at = $2 WHERE id = $1", [id, ctx.now()])
    await record(q, actor, u, d, 'approved')
    return draftRow(q, id)
  })
}

export async function rejectDraft(ctx: Ctx, actor: Actor, u: SessionUser, id: number, reason: unknown): Promise<DraftRow> {
  const why = typeof reason === 'string' ? reason.trim() : ''
  if (!why || why.length > 500) throw badRequest('review.reason_required', msg('api.review_reason_required.reject'), { field: 'reason' })
  return ctx.db.tx(async (q) => {
    const d = await draftRow(q, id, true)
    requireOtherThanAuthor(u, d)
    requireState(d, 'submitted', 'approved', 'scheduled')
    await q.query("UPDATE drafts SET state = 'rejected', publish_at = NULL, updated_at = $2 WHERE id = $1", [id, ctx.now()])
    await record(q, actor, u, d, 'rejected', why)
    return draftRow(q, id)
  })
}

/** Publishes an approved draft now, or schedules it for `at` (a time in the future). */
export async function publishDraft(ctx: Ctx, actor: Actor, u: SessionUser, id: number, at: unknown): Promise<DraftRow> {
  const when = typeof at === 'string' && at ? new Date(at) : null
  if (when && Number.isNaN(when.getTime())) throw badRequest('input.invalid', msg('api.input_invalid.publishing_time_not_valid'), { field: 'at' })
  const d0 = await draftRow(ctx.db, id)
  requireOtherThanAuthor(u, d0)
  requireState(d0, 'approved', 'scheduled')
  if (when && when.getTime() > ctx.now().getTime()) {
    return ctx.db.tx(async (q) => {
      const d = await draftRow(q, id, true)
      requireState(d, 'approved', 'scheduled')
      await q.query("UPDATE drafts SET state = 'scheduled', publish_at = $2, updated_at = $3 WHERE id = $1", [id, when, ctx.now()])
      await record(q, actor, u, d, 'scheduled', '', { at: when.toISOString() })
      return draftRow(q, id)
    })
  }
  return publishNow(ctx, actor, u.id, d0)
}

async function publishNow(ctx: Ctx, actor: Actor, userId: number, d0: DraftRow): Promise<DraftRow> {
  const { doc, revision: base } = await baseDocument(ctx, ctx.db, d0.village_code)
  await publishDocument(ctx, {
    village: d0.village_code,
    document: withDraft(doc, d0.kind, d0.item, ctx.now()),
    base,
    userId,
    cause: `draft:${d0.id}`,
    draftIds: [d0.id],
    inTx: async (q, revision) => {
      const d = await draftRow(q, d0.id, true)
      requireState(d, 'approved', 'scheduled')
      await q.query("UPDATE drafts SET state = 'published', published_revision = $2, updated_at = $3 WHERE id = $1", [d.id, revision, ctx.now()])
      await q.query('INSERT INTO reviews (draft_id, user_id, decision, at) VALUES ($1, $2, $3, now())', [d.id, userId, 'published'])
      await audit(q, actor, 'draft.published', `draft:${d.id}`, { village: d.village_code, itemId: d.item_id, revision })
    },
  })
  return draftRow(ctx.db, d0.id)
}

/** Scheduled drafts whose time has come (a job, every minute); each on its own, a failure logged and retried next time. */
export async function runScheduled(ctx: Ctx): Promise<number> {
  const due = await ctx.db.query<DraftRow>("SELECT * FROM drafts WHERE state = 'scheduled' AND publish_at <= $1 ORDER BY publish_at, id", [ctx.now()])
  let n = 0
  for (const raw of due) {
    const d = { ...raw, id: Number(raw.id), author_id: Number(raw.author_id) }
    const scheduler = await one<{ user_id: number }>(ctx.db, "SELECT user_id FROM reviews WHERE draft_id = $1 AND decision = 'scheduled' ORDER BY at DESC, id DESC LIMIT 1", [d.id])
    if (!scheduler) continue
    try {
      await publishNow(ctx, { name: 'scheduler', kind: 'system' }, Number(scheduler.user_id), d)
      n++
    } catch (e) {
      console.error(`scheduled draft ${d.id}:`, e instanceof ApiError ? e.words().en : e)
    }
  }
  return n
}
