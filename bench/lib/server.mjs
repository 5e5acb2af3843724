/**
 * Serves a build (the kiosk or the floor app) with a config.json and feeds the
 * benchmark controls, via the same static server as `npm start` (ETag → 304).
 * Every full (200) answer for a feed is recorded with its wall-clock time, so a
 * page can time "server answered → new content painted" on the same clock.
 */
import { sendBody, startStaticServer } from '../../scripts/static-server.mjs'

/**
 * @param {string} root
 * @param {{ config?: object | null, feeds?: Record<string, Buffer>, files?: Record<string, { body: Buffer | string, type: string }> }} [o]
 *   feeds: JSON bodies by path (mutable: swap one to publish a revision); files: other bench pages
 */
export async function serve(root, { config = null, feeds = {}, files = {} } = {}) {
  const state = { config, offline: false }
  /** @type {{ path: string, at: number, bytes: number }[]} */
  const answers = []
  const s = await startStaticServer({
    root,
    handler: (req, res, url) => {
      if (url.pathname === '/config.json' && state.config) {
        sendBody(req, res, Buffer.from(JSON.stringify(state.config)), { type: 'application/json; charset=utf-8' })
        return true
      }
      const file = files[url.pathname]
      if (file) {
        sendBody(req, res, Buffer.from(file.body), { type: file.type })
        return true
      }
      const feed = feeds[url.pathname]
      if (feed) {
        // the moment the answer starts to leave: taken as its head is written (after any gzip), not after
        // sendBody returns — on a loaded machine the page can have painted before this process runs again
        let at = 0
        const writeHead = res.writeHead.bind(res)
        res.writeHead = (...a) => ((at = Date.now()), writeHead(...a))
        sendBody(req, res, feed, { type: 'application/json; charset=utf-8' })
        if (res.statusCode === 200) answers.push({ path: url.pathname, at, bytes: feed.length })
        return true
      }
      return false
    },
  })
  return {
    url: s.url,
    close: s.close,
    setConfig: (c) => (state.config = c),
    /** the last full answer for `path` sent at or after `since` (wall clock, ms) */
    answerAfter: (path, since = 0) => answers.filter((a) => a.path === path && a.at >= since).at(-1) ?? null,
  }
}
