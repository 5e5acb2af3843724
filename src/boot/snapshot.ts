/**
 * The boot snapshot's painter: a small classic script (built on its own into boot-snapshot.js by vite.config.ts,
 * loaded by index.html after #app; the CSP forbids inline scripts). It also starts the app: index.html only
 * preloads the entry module (`<link rel=modulepreload>`: fetched and compiled meanwhile) and this script adds its
 * `<script type=module>` once the snapshot is painted or known not to be shown, so the framework's evaluation (one
 * long task) never holds the snapshot's frame back. No framework here: it reads IndexedDB once
 * (db/bootSnapshotRead.ts) and, only when perf/snapshotRule.ts says the stored snapshot shows exactly what the
 * live app is about to show, paints it over the page:
 * - inert and aria-hidden, and its layer swallows every touch, so nothing reaches the app before it is live;
 * - the header's clock and date written fresh (render/format.ts, no Intl in the source locale), never the saved ones;
 * - removed by the app (perf/appLive.ts) in the task that renders its own first content, so both land in one frame;
 * - removed anyway after SNAPSHOT_MAX_MS, so an app that never starts is never hidden behind it.
 */
import { readBootState } from '../db/bootSnapshotRead'
import { buildId, routeOf, snapshotDecision, type StoredSnapshot } from '../perf/snapshotRule'
import { formatClock, formatWeekdayDate } from '../render/format'
import { APP_LIVE_ATTR, SNAPSHOT_ID, SNAPSHOT_MAX_MS } from '../perf/appLive'

const DEFAULT_LOCALE = 'zh-CN'
/** a storage that does not answer never keeps the app from starting */
const READ_WAIT_MS = 1000
const SWALLOWED = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'touchstart', 'touchend', 'contextmenu', 'wheel']

function paint(s: StoredSnapshot, now: Date) {
  const layer = document.createElement('div')
  layer.id = SNAPSHOT_ID
  layer.setAttribute('aria-hidden', 'true')
  if (typeof s.height === 'number' && s.height > 0) layer.style.minHeight = `${Math.round(s.height)}px`
  const inner = document.createElement('div')
  inner.className = 'boot-snapshot-app'
  inner.inert = true
  inner.innerHTML = s.html
  const clock = inner.querySelector('time.clock')
  if (clock) {
    clock.setAttribute('datetime', now.toISOString())
    const date = clock.querySelector('.date')
    const time = clock.querySelector('.time')
    if (date) date.textContent = formatWeekdayDate(now, s.locale)
    if (time) time.textContent = formatClock(now, s.locale)
  }
  layer.appendChild(inner)
  // touches on it do nothing and are not seen by the app (its listeners are on window)
  const swallow = (e: Event) => {
    e.stopPropagation()
    if (e.cancelable) e.preventDefault()
  }
  for (const type of SWALLOWED) layer.addEventListener(type, swallow, { capture: true, passive: false })
  document.body.insertBefore(layer, document.body.firstChild)
  performance.mark('gongkai:snapshot-painted')
  setTimeout(() => layer.remove(), SNAPSHOT_MAX_MS)
}

const entry = document.currentScript?.getAttribute('data-entry') ?? null
let started = false
/** adds the app's entry module (already preloaded); once */
function startApp() {
  if (started || !entry) return
  started = true
  const s = document.createElement('script')
  s.type = 'module'
  s.setAttribute('crossorigin', '')
  s.src = entry
  document.head.appendChild(s)
}
setTimeout(startApp, READ_WAIT_MS)

function decideAndPaint(r: Awaited<ReturnType<typeof readBootState>>): boolean {
  // below the browser floor boot-guard.js shows why, and nothing else
  const html = document.documentElement
  if (!r || html.hasAttribute(APP_LIVE_ATTR) || html.hasAttribute('data-too-old') || !document.body) return false
  const pointers: Record<string, number> = {}
  for (const p of r.pointers) pointers[p.sourceId] = p.current
  const config = r.lastGoodConfig as { locale?: unknown } | undefined
  const now = new Date()
  const decision = snapshotDecision(r.snapshot as StoredSnapshot | undefined, {
    route: routeOf(location.hash),
    build: buildId(document),
    locale: typeof config?.locale === 'string' ? config.locale : DEFAULT_LOCALE,
    pointers,
    now: now.getTime(),
  })
  html.setAttribute('data-snapshot', decision.show ? 'shown' : decision.reason)
  if (decision.show) paint(r.snapshot as StoredSnapshot, now)
  return decision.show
}

void readBootState().then(
  (r) => {
    let painted = false
    try {
      painted = decideAndPaint(r)
    } finally {
      // painted: the app's evaluation starts after the frame that shows the snapshot
      if (painted) requestAnimationFrame(startApp)
      else startApp()
    }
  },
  startApp,
)
