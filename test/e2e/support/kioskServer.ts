/**
 * The built app (dist/) on a local port, with a config.json and feeds that a
 * test controls: serve revision 1, then 2, then a broken one.
 */
import { join } from 'node:path'
import { sendBody, startStaticServer } from '../../../scripts/static-server.mjs'
import type { IncomingMessage, ServerResponse } from 'node:http'

/** the build under test; GONGKAI_DIST lets parallel work build elsewhere (npx vite build --outDir …) */
export const DIST = process.env.GONGKAI_DIST ?? join(__dirname, '../../../dist')

export interface KioskServer {
  url: string
  /** what /config.json answers; null serves the one in dist/ */
  setConfig(config: Record<string, unknown> | string | null): void
  /** what a path answers (string: raw body; object: JSON; number: that status; RawHandler: written by it) */
  setRoute(path: string, body: unknown, type?: string): void
  requests: string[]
  close(): Promise<void>
}

/** a route that writes the response itself: a stalled body, a connection dropped mid-body, a redirect */
export class RawHandler {
  constructor(readonly handle: (req: IncomingMessage, res: ServerResponse) => void) {}
}

export async function startKioskServer(opts: { config?: Record<string, unknown> } = {}): Promise<KioskServer> {
  const routes = new Map<string, { body: unknown; type?: string }>()
  let config: Record<string, unknown> | string | null = opts.config ?? null
  const requests: string[] = []
  const answer = (req: IncomingMessage, res: ServerResponse, body: unknown, type = 'application/json; charset=utf-8') => {
    if (typeof body === 'number') {
      res.writeHead(body).end()
      return
    }
    if (body instanceof RawHandler) {
      body.handle(req, res)
      return
    }
    const buf = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body))
    sendBody(req, res, buf, { type })
  }
  const s = await startStaticServer({
    root: DIST,
    handler: (req: IncomingMessage, res: ServerResponse, url: URL) => {
      requests.push(url.pathname)
      if (url.pathname === '/config.json' && config !== null) {
        answer(req, res, config)
        return true
      }
      const r = routes.get(url.pathname)
      if (r) {
        answer(req, res, r.body, r.type)
        return true
      }
      return false
    },
  })
  return {
    url: s.url,
    requests,
    setConfig: (c) => (config = c),
    setRoute: (path, body, type) => routes.set(path, { body, type }),
    close: s.close,
  }
}
