/**
 * Support for the hall-machine tests: builds of the app under other version
 * labels, a server whose root can be switched between builds (what a township
 * does when it deploys a new version), and reading the live content straight
 * from IndexedDB in the page.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Page } from 'playwright-core'
import { CSP, sendBody, startStaticServer } from '../../../scripts/static-server.mjs'
import { DIST } from './kioskServer'

const ROOT = join(__dirname, '../../..')
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
}

/**
 * Builds the app with another version label (and build-time env) into
 * /tmp/gk-hall/<name>; about 4 s. Set GONGKAI_HALL_REUSE=1 to reuse earlier builds.
 */
export async function buildVersion(name: string, env: Record<string, string> = {}): Promise<string> {
  const out = join(process.env.GONGKAI_HALL_BUILDS ?? '/tmp/gk-hall/builds', name)
  if (process.env.GONGKAI_HALL_REUSE && existsSync(join(out, 'index.html'))) return out
  await promisify(execFile)('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    // vitest sets NODE_ENV=test, which would make a development-flavoured build
    env: { ...process.env, NODE_ENV: 'production', GONGKAI_APP_VERSION: name, ...env },
  })
  return out
}

export interface HallServer {
  url: string
  /** serve another build from now on (the same origin, as a redeploy would) */
  setRoot(root: string): void
  setConfig(config: Record<string, unknown>): void
  /** what a path answers (object: JSON, Buffer/string: raw, number: that status) */
  setRoute(path: string, body: unknown): void
  /** POST bodies received per path */
  posts: Map<string, string[]>
  close(): Promise<void>
}

export async function startHallServer(opts: { root?: string; config?: Record<string, unknown> } = {}): Promise<HallServer> {
  let root = opts.root ?? DIST
  let config = opts.config ?? null
  const routes = new Map<string, unknown>()
  const posts = new Map<string, string[]>()
  const answer = (req: IncomingMessage, res: ServerResponse, body: unknown, type = 'application/json; charset=utf-8') => {
    if (typeof body === 'number') return void res.writeHead(body).end()
    const buf = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body))
    sendBody(req, res, buf, { type })
  }
  const s = await startStaticServer({
    root: DIST,
    handler: async (req: IncomingMessage, res: ServerResponse, url: URL) => {
      if (req.method === 'POST') {
        const chunks: Buffer[] = []
        for await (const c of req) chunks.push(c as Buffer)
        posts.set(url.pathname, [...(posts.get(url.pathname) ?? []), Buffer.concat(chunks).toString('utf8')])
        res.writeHead(204, { 'Access-Control-Allow-Origin': '*' }).end()
        return true
      }
      if (url.pathname === '/config.json' && config) return answer(req, res, config), true
      if (routes.has(url.pathname)) return answer(req, res, routes.get(url.pathname)), true
      let path = decodeURIComponent(url.pathname)
      if (path.endsWith('/')) path += 'index.html'
      const file = normalize(join(root, path))
      if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return false
      const ext = extname(file)
      if (ext === '.html') res.setHeader('Content-Security-Policy', CSP)
      sendBody(req, res, readFileSync(file), { type: TYPES[ext] ?? 'application/octet-stream' })
      return true
    },
  })
  return {
    url: s.url,
    posts,
    setRoot: (r) => (root = r),
    setConfig: (c) => (config = c),
    setRoute: (p, b) => routes.set(p, b),
    close: s.close,
  }
}

/** The app version the page runs (set by the app once it has started). */
export const runningVersion = (page: Page) => page.evaluate(() => document.documentElement.dataset.appVersion ?? null).catch(() => null)

/** Asks the service worker to look for a new version now (what the hourly check does). */
export const checkForUpdate = (page: Page) => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())

/**
 * The live content of a source, read from IndexedDB in one transaction and
 * written out canonically: the pointer's revision, its record and every
 * notice, sorted. Two dumps are equal exactly when the kiosk shows the same.
 */
export function canonicalDump(page: Page, sourceId = 'default'): Promise<{ revision: number; notices: number; text: string } | null> {
  return page.evaluate(
    (sourceId) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('gongkai')
        // no database yet: do not create one behind the app's back
        open.onupgradeneeded = () => open.transaction?.abort()
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve(null) : reject(open.error))
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('pointers')) return resolve(null)
          // notices live one per record (db v1) or in chunks of 400 (db v2, src/db/noticeChunks.ts): read both
          const stores = ['pointers', 'revisions', 'notices', ...(db.objectStoreNames.contains('noticeChunks') ? ['noticeChunks'] : [])]
          const tx = db.transaction(stores, 'readonly')
          const p = tx.objectStore('pointers').get(sourceId)
          p.onsuccess = () => {
            const pointer = p.result as { current: number } | undefined
            if (!pointer) return resolve(null)
            const key = [sourceId, pointer.current]
            const r = tx.objectStore('revisions').get(key)
            const n = tx.objectStore('notices').index('byRevision').getAll(key)
            const c = stores.includes('noticeChunks') ? tx.objectStore('noticeChunks').getAll(IDBKeyRange.bound([...key, 0], [...key, Infinity])) : null
            tx.oncomplete = () => {
              const record = r.result as Record<string, unknown> | undefined
              const chunked = ((c?.result ?? []) as Array<{ notices: Array<{ id: string }> }>).flatMap((k) => k.notices.map((x) => ({ ...x, sourceId, revision: pointer.current })))
              const notices = [...((n.result ?? []) as Array<{ id: string }>), ...chunked].sort((a, b) => (a.id < b.id ? -1 : 1))
              db.close()
              if (!record) return resolve({ revision: pointer.current, notices: -1, text: 'missing record' })
              const { appliedAt: _a, ...stable } = record
              resolve({ revision: pointer.current, notices: notices.length, text: JSON.stringify({ record: stable, notices }) })
            }
          }
        }
      }),
    sourceId,
  )
}
