/**
 * A small static file server for the built app (npm start) and for tests:
 * ETag / Last-Modified with 304s (what a township's web host should do for
 * feeds), no-cache for the shell entry points, and an optional handler that
 * runs first so tests can serve feeds and configs of their own.
 */
import { createServer } from 'node:http'
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.sig': 'application/octet-stream',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** Content-Security-Policy the built app runs under (docs/hardening.md). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "media-src 'self' blob:",
  "connect-src 'self' http: https:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Sends a body with validators, answering conditional requests with 304. */
export function sendBody(req, res, body, { type = 'application/octet-stream', cache = 'no-cache', lastModified } = {}) {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`
  const headers = { 'Content-Type': type, ETag: etag, 'Cache-Control': cache }
  if (lastModified) headers['Last-Modified'] = lastModified.toUTCString()
  const inm = req.headers['if-none-match']
  if (inm && inm.split(',').map((s) => s.trim()).includes(etag)) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  headers.Vary = 'Accept-Encoding'
  // text is sent gzipped, as any web host should: cheap kiosks on slow hall Wi-Fi
  if (COMPRESSIBLE.test(type) && body.length > 1024 && body.length <= 5 * 1024 * 1024 && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    let zipped = gzipCache.get(etag)
    if (!zipped) {
      zipped = gzipSync(body)
      if (gzipCache.size > 200) gzipCache.clear()
      gzipCache.set(etag, zipped)
    }
    body = zipped
    headers['Content-Encoding'] = 'gzip'
  }
  headers['Content-Length'] = body.length
  res.writeHead(200, headers)
  res.end(req.method === 'HEAD' ? undefined : body)
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json|feed\+json)|image\/svg)/
const gzipCache = new Map()

/**
 * @param {{ root: string, port?: number, host?: string, handler?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => boolean | Promise<boolean>, csp?: boolean }} opts
 */
export function startStaticServer(opts) {
  const root = resolve(opts.root)
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      if (opts.handler && (await opts.handler(req, res, url))) return
      let path = decodeURIComponent(url.pathname)
      if (path.endsWith('/')) path += 'index.html'
      const file = normalize(join(root, path))
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end()
        return
      }
      let info
      try {
        info = await stat(file)
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found')
        return
      }
      if (!info.isFile()) {
        res.writeHead(404).end()
        return
      }
      const ext = extname(file).toLowerCase()
      if (ext === '.html' && opts.csp !== false) res.setHeader('Content-Security-Policy', CSP)
      // hashed build files never change; everything else is revalidated
      const immutable = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2)$/.test(file) && file.includes(`${sep}assets${sep}`)
      sendBody(req, res, await readFile(file), {
        type: TYPES[ext] ?? 'application/octet-stream',
        cache: immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        lastModified: info.mtime,
      })
    } catch (e) {
      res.writeHead(500).end(String(e))
    }
  })
  return new Promise((resolveStart) => {
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      const addr = server.address()
      resolveStart({ server, port: addr.port, url: `http://${opts.host === '0.0.0.0' ? 'localhost' : (opts.host ?? '127.0.0.1')}:${addr.port}/`, close: () => new Promise((r) => server.close(() => r()) || server.closeAllConnections()) })
    })
  })
}
