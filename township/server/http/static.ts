/** The built web console (dist-township/), or a plain page saying it is not built yet. */
import type { Context } from 'hono'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
}

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>乡镇工作台</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.6">
<h1>乡镇工作台 · Township console</h1>
<p>网页工作台尚未构建。服务器和接口（/api）已在运行。</p>
<p lang="en">The web console is not built yet. The server and its API (/api) are running.</p>
</body></html>`

/** `prefix`: the path the folder is served under (the kiosk preview: /preview/<draft>) */
export function serveWeb(webDir: string | null, prefix = '') {
  return (c: Context) => {
    if (!webDir || !existsSync(join(webDir, 'index.html'))) return c.html(NOT_BUILT)
    const sub = c.req.path.slice(prefix.length) || '/'
    const rel = sub === '/' ? 'index.html' : decodeURIComponent(sub.slice(1))
    const path = normalize(join(webDir, rel))
    if (!path.startsWith(webDir + sep) || !existsSync(path) || !statSync(path).isFile()) return c.text('not found', 404)
    c.header('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream')
    c.header('Cache-Control', rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
    return c.body(readFileSync(path))
  }
}
