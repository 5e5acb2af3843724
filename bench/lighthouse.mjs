/**
 * Lighthouse 12.8.2 (programmatic) against Debian Chromium: performance,
 * accessibility and best practices of `#/`, `#/notices` and a notice detail,
 * desktop preset at 1920×1080 (a hall kiosk is a landscape touch screen), the
 * kiosk serving the demo feed. Each URL in a fresh Chromium profile.
 */
import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'
import * as chromeLauncher from 'chrome-launcher'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CHROMIUM, CHROMIUM_ARGS } from './lib/browser.mjs'
import { serve } from './lib/server.mjs'

const CATEGORIES = ['performance', 'accessibility', 'best-practices']

/** @param {{ dist: string }} o */
export async function lighthouseBench(o) {
  const feed = JSON.parse(readFileSync(join(o.dist, 'demo/feed.json'), 'utf8'))
  const noticeId = String(feed.items[0].id)
  const server = await serve(o.dist)
  const pages = { home: '#/', board: '#/notices', detail: `#/notices/${encodeURIComponent(noticeId)}` }
  const results = {}
  try {
    for (const [name, hash] of Object.entries(pages)) {
      const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] })
      try {
        const config = {
          ...desktopConfig,
          settings: { ...desktopConfig.settings, onlyCategories: CATEGORIES, screenEmulation: { mobile: false, width: 1920, height: 1080, deviceScaleFactor: 1, disabled: false }, locale: 'zh' },
        }
        const r = await lighthouse(server.url + hash, { port: chrome.port, logLevel: 'error', output: 'json' }, config)
        const lhr = r.lhr
        // audits that cost points: weighted in a category and not passed
        const failed = CATEGORIES.flatMap((c) => (lhr.categories[c]?.auditRefs ?? []).filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => `${c}:${ref.id}`))
        results[name] = {
          url: hash,
          ...Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])),
          fcpMs: lhr.audits['first-contentful-paint']?.numericValue,
          lcpMs: lhr.audits['largest-contentful-paint']?.numericValue,
          tbtMs: lhr.audits['total-blocking-time']?.numericValue,
          cls: lhr.audits['cumulative-layout-shift']?.numericValue,
          // which elements moved, when CLS costs points
          layoutShifts: (lhr.audits['layout-shifts']?.details?.items ?? []).slice(0, 5).map((i) => ({ score: i.score, node: i.node?.snippet ?? i.node?.selector })),
          failedAudits: failed,
        }
      } finally {
        chrome.kill()
      }
    }
  } finally {
    await server.close()
  }
  return results
}
