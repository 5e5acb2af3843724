/** The console's HTTP app: /api (kiosk ingest and staff API), /feeds (published feeds), / (the web console). */
import { Hono } from 'hono'
import { ApiError } from './errors'
import type { Ctx, Env } from './context'
import { authRoutes } from './auth/routes'
import { sessionMiddleware } from './auth/session'
import { ingestRoutes } from './ingest/routes'
import { kioskRoutes } from './kiosks/routes'
import { feedRoutes } from './feeds/routes'
import { fleetRoutes } from './fleet/routes'
import { supervisionRoutes } from './supervision/routes'
import { alertRoutes } from './alerts/routes'
import { auditRoutes } from './auditRoutes'
import { publishRoutes } from './publish/routes'
import { previewRoutes } from './publish/preview'
import { serveWeb } from './http/static'
import { msg } from '../../src/i18n/message'

export function createApp(ctx: Ctx) {
  const app = new Hono<Env>()

  app.onError((err, c) => {
    if (err instanceof ApiError) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v)
      if (c.req.path.startsWith('/api/kiosk/')) c.header('Access-Control-Allow-Origin', '*')
      return c.json(err.body(), err.status)
    }
    console.error(err)
    return c.json(new ApiError(500, 'server.error', msg('api.server_error')).body(), 500)
  })
  app.notFound((c) =>
    c.json(new ApiError(404, 'not_found', msg('api.not_found.address'), { path: c.req.path }).body(), 404),
  )

  app.use('/api/*', sessionMiddleware(ctx))
  app.use('/api/*', async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
    c.header('X-Content-Type-Options', 'nosniff')
  })
  app.route('/api/kiosk', ingestRoutes(ctx))
  app.route('/api', authRoutes(ctx))
  app.route('/api/kiosks', kioskRoutes(ctx))
  app.route('/api', fleetRoutes(ctx))
  app.route('/api', supervisionRoutes(ctx))
  app.route('/api/alerts', alertRoutes(ctx))
  app.route('/api/audit', auditRoutes(ctx))
  app.route('/api', publishRoutes(ctx))
  app.route('/feeds', feedRoutes(ctx))
  app.route('/preview', previewRoutes(ctx))
  app.get('*', serveWeb(ctx.config.webDir))
  return app
}
