/**
 * The published feeds kiosks poll: /feeds/<village>/feed.json, feed.json.sig
 * and files/<sha256>. ETag is the bytes' SHA-256, so a 304 costs one indexed
 * query; gzip when the client takes it. Any static host or CDN can serve the
 * same files instead (docs/township-console.md).
 */
import { Hono, type Context } from 'hono'
import { gzipSync } from 'node:zlib'
import { one } from '../db/db'
import { notFound } from '../errors'
import type { Ctx, Env } from '../context'
import { msg } from '../../../src/i18n/message'

function send(c: Context, bytes: Uint8Array, o: { etag: string; modified: Date; type: string }) {
  c.header('Access-Control-Allow-Origin', '*')
  // the kiosk's conditional GET reads ETag and sends it back: cross-origin that needs both
  c.header('Access-Control-Expose-Headers', 'ETag, Last-Modified')
  c.header('ETag', o.etag)
  c.header('Last-Modified', o.modified.toUTCString())
  c.header('Cache-Control', 'no-cache')
  c.header('Vary', 'Accept-Encoding')
  const inm = c.req.header('if-none-match')
  const ims = c.req.header('if-modified-since')
  if ((inm && inm.split(',').map((s) => s.trim()).includes(o.etag)) || (!inm && ims && Date.parse(ims) >= Math.floor(o.modified.getTime() / 1000) * 1000)) return c.body(null, 304)
  c.header('Content-Type', o.type)
  if (bytes.byteLength > 1024 && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    c.header('Content-Encoding', 'gzip')
    return c.body(new Uint8Array(gzipSync(bytes)))
  }
  return c.body(new Uint8Array(bytes))
}

export function feedRoutes(ctx: Ctx) {
  const app = new Hono<Env>()
  const latest = (village: string) =>
    one<{ revision: number; feed: Uint8Array; signature: string; sha256: string; published_at: Date }>(
      ctx.db,
      'SELECT revision, feed, signature, sha256, published_at FROM revisions WHERE village_code = $1 ORDER BY revision DESC LIMIT 1',
      [village],
    )

  // If-None-Match / If-Modified-Since are not CORS-safelisted: a kiosk's second poll is preflighted
  app.options('/*', (c) => {
    c.header('Access-Control-Allow-Origin', '*')
    c.header('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS')
    c.header('Access-Control-Allow-Headers', 'if-none-match, if-modified-since, cache-control')
    c.header('Access-Control-Max-Age', '86400')
    return c.body(null, 204)
  })

  app.get('/:village/feed.json', async (c) => {
    const r = await latest(c.req.param('village'))
    if (!r) throw notFound(msg('api.thing.published_notice'))
    return send(c, r.feed, { etag: `"${r.sha256}"`, modified: new Date(r.published_at), type: 'application/feed+json; charset=utf-8' })
  })

  app.get('/:village/feed.json.sig', async (c) => {
    const r = await latest(c.req.param('village'))
    if (!r) throw notFound(msg('api.thing.signature'))
    return send(c, new TextEncoder().encode(r.signature + '\n'), { etag: `"sig-${r.sha256}"`, modified: new Date(r.published_at), type: 'text/plain; charset=utf-8' })
  })

  app.get('/:village/files/:name', async (c) => {
    const sha = c.req.param('name').slice(0, 64)
    const f = await one<{ bytes: Uint8Array; mime_type: string }>(ctx.db, 'SELECT bytes, mime_type FROM feed_files WHERE sha256 = $1', [sha])
    if (!f) throw notFound(msg('api.thing.attachment'))
    return send(c, f.bytes, { etag: `"${sha}"`, modified: new Date(0), type: f.mime_type })
  })

  return app
}
