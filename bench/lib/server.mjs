/**
 * Serves a build (the kiosk or the floor app) with a config.json and feeds the
 * benchmark controls, via the same static server as `npm start` (ETag → 304).
 */
import { sendBody, startStaticServer } from '../../scripts/static-server.mjs'

export async function serve(root, { config = null, feeds = {} } = {}) {
  const state = { config, offline: false }
  const s = await startStaticServer({
    root,
    handler: (req, res, url) => {
      if (url.pathname === '/config.json' && state.config) {
        sendBody(req, res, Buffer.from(JSON.stringify(state.config)), { type: 'application/json; charset=utf-8' })
        return true
      }
      const feed = feeds[url.pathname]
      if (feed) {
        sendBody(req, res, feed, { type: 'application/json; charset=utf-8' })
        return true
      }
      return false
    },
  })
  return { url: s.url, close: s.close, setConfig: (c) => (state.config = c) }
}
