/**
 * 本机预览: the real kiosk app (the built dist/, GONGKAI_DIST to use another
 * build) served at /preview/<draft>/ with a config.json whose one feed is that
 * draft's unsigned feed (/api/drafts/<id>/preview/feed.json, behind the
 * staffer's session). Each save is a new feed source id, so the preview's
 * kiosk never refuses an edited draft as a stale revision.
 */
import { Hono } from 'hono'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { one } from '../db/db'
import { notFound } from '../errors'
import { serveWeb } from '../http/static'
import type { Ctx, Env } from '../context'
import { msg } from '../../../src/i18n/message'

export const KIOSK_DIST = resolve(process.env.GONGKAI_DIST ?? join(fileURLToPath(new URL('../../..', import.meta.url)), 'dist'))

export function previewRoutes(ctx: Ctx, dist = KIOSK_DIST) {
  const app = new Hono<Env>()
  app.get('/:id/config.json', async (c) => {
    const id = Number(c.req.param('id'))
    const d = Number.isSafeInteger(id) ? await one<{ updated_at: Date }>(ctx.db, 'SELECT updated_at FROM drafts WHERE id = $1', [id]) : undefined
    if (!d) throw notFound(msg('api.thing.draft'))
    c.header('Cache-Control', 'no-store')
    return c.json({ feeds: [{ id: `preview-${id}-${new Date(d.updated_at).getTime()}`, url: `/api/drafts/${id}/preview/feed.json` }], pollSeconds: 60, locale: 'zh-CN' })
  })
  app.get('/:id/*', (c) => {
    if (!existsSync(join(dist, 'index.html'))) return c.text('一体机程序未构建（npm run build）/ the kiosk app is not built (npm run build)', 404)
    return serveWeb(dist, `/preview/${c.req.param('id')}`)(c)
  })
  app.get('/:id', (c) => c.redirect(`/preview/${c.req.param('id')}/`))
  return app
}
