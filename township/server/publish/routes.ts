/** Publishing API (issue 15): drafts and their review, uploads, live lint, history, withdrawal, restore. */
import { Hono, type Context } from 'hono'
import { one } from '../db/db'
import { badRequest, notFound } from '../errors'
import { isObject, readJson } from '../http/body'
import { actorOf, mayUseVillage, requireRole } from '../auth/session'
import type { Ctx, Env, Role, SessionUser } from '../context'
import { chinaDay } from '../../../cli/io'
import { tableFromGrid } from '../../../src/feed/tableFromGrid'
import { describeChange, findingsForDraft, withDraft } from './compose'
import { baseDocument, listRevisions, restoreRevision, revisionView, withdrawNotice } from './revisions'
import { uploadAttachment, uploadTable } from './uploads'
import { checklistFromGrid } from './checklistImport'
import { revisionSize } from './revisionSize'
import { approveDraft, cleanDraftItem, createDraft, draftKind, draftRow, draftView, publishDraft, rejectDraft, submitDraft, updateDraft, type DraftRow } from './workflow'
import { msg } from '../../../src/i18n/message'

/** a draft's JSON body: a notice of up to 1 MB (tables and HTML; files are uploaded apart) */
const MAX_DRAFT = 1024 * 1024

export function publishRoutes(ctx: Ctx) {
  const app = new Hono<Env>()

  const village = async (c: Context<Env>, role: Role): Promise<{ u: SessionUser; code: string }> => {
    const u = requireRole(c, role)
    const code = c.req.param('code') ?? ''
    if (!mayUseVillage(u, code) || !(await one(ctx.db, 'SELECT 1 FROM villages WHERE code = $1', [code]))) throw notFound(msg('api.thing.village'))
    return { u, code }
  }
  const draft = async (c: Context<Env>, role: Role): Promise<{ u: SessionUser; d: DraftRow }> => {
    const u = requireRole(c, role)
    const d = await draftRow(ctx.db, Number(c.req.param('id')))
    if (!mayUseVillage(u, d.village_code)) throw notFound(msg('api.thing.draft'))
    return { u, d }
  }
  const body = async (c: Context<Env>) => {
    const b = await readJson(c, MAX_DRAFT)
    if (!isObject(b)) throw badRequest('input.invalid', msg('api.input_invalid.body_object'))
    return b
  }
  const id = (c: Context<Env>) => Number(c.req.param('id'))
  const view = async (c: Context<Env>, d: DraftRow, status: 200 | 201 = 200) => c.json(await draftView(ctx, d), status)

  app.get('/villages/:code/drafts', async (c) => {
    const { code } = await village(c, 'viewer')
    const rows = await ctx.db.query<DraftRow & { author: string }>(
      'SELECT d.*, u.display_name AS author FROM drafts d JOIN users u ON u.id = d.author_id WHERE d.village_code = $1 ORDER BY d.updated_at DESC, d.id DESC LIMIT 200',
      [code],
    )
    return c.json({
      drafts: rows.map((d) => ({ id: Number(d.id), kind: d.kind, itemId: d.item_id, title: String(d.item.title ?? ''), state: d.state, authorId: Number(d.author_id), authorName: d.author, updatedAt: new Date(d.updated_at).toISOString(), publishAt: d.publish_at ? new Date(d.publish_at).toISOString() : null })),
    })
  })

  app.post('/villages/:code/drafts', async (c) => {
    const { u, code } = await village(c, 'editor')
    const b = await body(c)
    return view(c, await createDraft(ctx, actorOf(c), u, code, b.item, draftKind(b.kind)), 201)
  })

  /** check as you type: the CLI's lint on the feed this notice would make, nothing stored */
  app.post('/villages/:code/lint', async (c) => {
    const { code } = await village(c, 'editor')
    const b = await body(c)
    const kind = draftKind(b.kind)
    const item = cleanDraftItem(kind, b.item, kind === 'chapter' ? 'H-draft' : 'N-draft')
    const { doc } = await baseDocument(ctx, ctx.db, code)
    const next = withDraft(doc, kind, item, ctx.now())
    return c.json({ findings: findingsForDraft(next, kind, item.id, chinaDay(ctx.now())), size: await revisionSize(ctx.db, next) })
  })

  app.post('/villages/:code/files', async (c) => {
    await village(c, 'editor')
    return c.json(await uploadAttachment(c, ctx.db), 201)
  })

  app.post('/uploads/table', async (c) => {
    requireRole(c, 'editor')
    const { name, grid } = await uploadTable(c)
    return c.json({ name, grid, table: tableFromGrid(grid) })
  })

  /** a checklist sheet (.xlsx or .csv, the same reading as tables) as checklist items for the editor; nothing stored */
  app.post('/uploads/checklist', async (c) => {
    requireRole(c, 'editor')
    const { name, grid } = await uploadTable(c)
    return c.json({ name, checklist: checklistFromGrid(grid, name) })
  })

  app.get('/villages/:code/feed', async (c) => {
    const { code } = await village(c, 'viewer')
    const { doc, revision } = await baseDocument(ctx, ctx.db, code)
    return c.json({ revision, document: doc })
  })

  app.get('/villages/:code/revisions', async (c) => {
    const { code } = await village(c, 'viewer')
    return c.json({ revisions: await listRevisions(ctx, code) })
  })

  app.get('/villages/:code/revisions/:n', async (c) => {
    const { code } = await village(c, 'viewer')
    return c.json(await revisionView(ctx, code, Number(c.req.param('n'))))
  })

  app.post('/villages/:code/revisions/:n/restore', async (c) => {
    const { u, code } = await village(c, 'reviewer')
    return c.json(await restoreRevision(ctx, actorOf(c), u.id, code, Number(c.req.param('n'))), 201)
  })

  app.post('/villages/:code/notices/:itemId/withdraw', async (c) => {
    const { u, code } = await village(c, 'reviewer')
    const raw = (await body(c)).reason
    const reason = typeof raw === 'string' ? raw.trim() : ''
    if (!reason || reason.length > 500) throw badRequest('review.reason_required', msg('api.review_reason_required.withdraw'), { field: 'reason' })
    return c.json(await withdrawNotice(ctx, actorOf(c), u.id, code, c.req.param('itemId'), reason), 201)
  })

  app.get('/drafts/:id', async (c) => view(c, (await draft(c, 'viewer')).d))

  app.put('/drafts/:id', async (c) => {
    const { u } = await draft(c, 'editor')
    return view(c, await updateDraft(ctx, actorOf(c), u, id(c), (await body(c)).item))
  })

  app.post('/drafts/:id/submit', async (c) => {
    const { u } = await draft(c, 'editor')
    return view(c, await submitDraft(ctx, actorOf(c), u, id(c)))
  })

  app.post('/drafts/:id/approve', async (c) => {
    const { u } = await draft(c, 'reviewer')
    return view(c, await approveDraft(ctx, actorOf(c), u, id(c)))
  })

  app.post('/drafts/:id/reject', async (c) => {
    const { u } = await draft(c, 'reviewer')
    return view(c, await rejectDraft(ctx, actorOf(c), u, id(c), (await body(c)).reason))
  })

  app.post('/drafts/:id/publish', async (c) => {
    const { u } = await draft(c, 'reviewer')
    return view(c, await publishDraft(ctx, actorOf(c), u, id(c), (await body(c)).at))
  })

  /** what publishing this draft adds, changes and removes, in words */
  app.get('/drafts/:id/diff', async (c) => {
    const { d } = await draft(c, 'viewer')
    const { doc, revision } = await baseDocument(ctx, ctx.db, d.village_code)
    return c.json({ baseRevision: revision, changes: describeChange(revision ? doc : null, withDraft(doc, d.kind, d.item, ctx.now())) })
  })

  /** the feed this draft would publish (unsigned), for 本机预览 */
  app.get('/drafts/:id/preview/feed.json', async (c) => {
    const { d } = await draft(c, 'viewer')
    const { doc, revision } = await baseDocument(ctx, ctx.db, d.village_code)
    const preview = withDraft(doc, d.kind, d.item, ctx.now())
    preview._gongkai.revision = revision + 1
    // files/<sha256> is relative to the published feed: point the preview's at the same files
    for (const item of preview.items) {
      for (const a of (item.attachments ?? []) as { url: string }[]) if (a.url.startsWith('files/')) a.url = `/feeds/${encodeURIComponent(d.village_code)}/${a.url}`
    }
    c.header('Content-Type', 'application/feed+json; charset=utf-8')
    return c.body(JSON.stringify(preview))
  })

  return app
}
