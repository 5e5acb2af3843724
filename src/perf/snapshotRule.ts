/**
 * The boot snapshot (issue 19 item 2, the fallback): the last resident screen as it was rendered, painted by
 * src/boot/snapshot.ts before the framework runs, and replaced by the live app. This module is the one rule for
 * when a stored snapshot may be shown (pure, no DOM, no Vue: the boot script, the app and the tests use it).
 *
 * A snapshot is shown only when everything it was rendered from is what the live app will render from:
 * - the same build (the snapshot's markup and the page's stylesheet must belong together),
 * - the same screen (route) the kiosk is starting on,
 * - every source's live pointer at the revision the snapshot shows, and no other source (never older content,
 *   never a revision that is no longer live), and the village the app starts on,
 * - the locale the kiosk will show (what comes from the sync state — the 未联网 badge, the freshness line, the
 *   update time — is not in a snapshot, and the live app shows it only after its first content too),
 * - a clock between the moment it was saved and `validUntil`: the first moment anything on the screen could
 *   read differently with time alone (a notice's window opening or closing, its "还剩 N 天" stepping, the day
 *   turning). The header's clock and date are written fresh by the boot script, never from the snapshot.
 */
import type { Notice } from '../feed/types'

/** The screens a snapshot is taken of: the kiosk's first screens, whose content is the revision alone. */
export const SNAPSHOT_ROUTES = ['/', '/checklist'] as const

export interface StoredSnapshot {
  /** the route path it shows ('/' or '/checklist') */
  route: string
  /** the build that rendered it (entry script and stylesheet addresses, see buildId) */
  build: string
  locale: string
  /** sourceId → the revision it shows */
  revisions: Record<string, number>
  /** the village it shows (the app starts on the first source in key order, as the pointers are read) */
  active: string
  /** epoch ms */
  savedAt: number
  /** epoch ms: from then on something on it could read differently (snapshotValidUntil) */
  validUntil: number
  /** #app's rendered HTML, its first screenful (the app's own DOM: text already escaped and masked as rendered) */
  html: string
  /** the page's height when it was taken (px): the snapshot's, so the page scrolls as the app's will */
  height?: number
}

export interface BootState {
  route: string
  build: string
  /** the locale the app will show (the last good config's, or the default) */
  locale: string
  /** sourceId → pointer.current, in key order (the first is the village the app starts on) */
  pointers: Record<string, number>
  now: number
}

export type SnapshotDecision = { show: true } | { show: false; reason: 'none' | 'build' | 'route' | 'locale' | 'revision' | 'village' | 'time' | 'empty' }

export function snapshotDecision(s: StoredSnapshot | undefined | null, b: BootState): SnapshotDecision {
  if (!s || typeof s.html !== 'string' || !s.revisions) return { show: false, reason: 'none' }
  if (!s.html) return { show: false, reason: 'empty' }
  if (s.build !== b.build) return { show: false, reason: 'build' }
  if (s.route !== b.route) return { show: false, reason: 'route' }
  if (s.locale !== b.locale) return { show: false, reason: 'locale' }
  if (!sameRevisions(s.revisions, b.pointers)) return { show: false, reason: 'revision' }
  if (s.active !== Object.keys(b.pointers)[0]) return { show: false, reason: 'village' }
  // a clock set back before the save would make the saved windows and labels wrong too
  if (!(b.now >= s.savedAt && b.now < s.validUntil)) return { show: false, reason: 'time' }
  return { show: true }
}

function sameRevisions(shown: Record<string, number>, live: Record<string, number>): boolean {
  const a = Object.keys(shown)
  const b = Object.keys(live)
  if (!a.length || a.length !== b.length) return false
  return a.every((id) => Object.prototype.hasOwnProperty.call(live, id) && live[id] === shown[id])
}

const DAY = 86_400_000

/**
 * The first moment after `now` at which a screen showing these notices could read differently with time alone:
 * an upcoming window opening, an open one closing, its whole days left (counted up to the end, window.ts
 * daysLeft) stepping down, and the next local midnight (dates without the year, "today"). Every notice of the
 * live revisions counts, shown or not: a superset is safe.
 */
export function snapshotValidUntil(notices: Iterable<Pick<Notice, 'published' | 'expires'>>, now: Date): number {
  const t = now.getTime()
  const midnight = new Date(now)
  midnight.setHours(24, 0, 0, 0)
  let until = midnight.getTime()
  for (const n of notices) {
    if (n.published) {
      const p = Date.parse(n.published)
      if (p > t && p < until) until = p
    }
    if (n.expires) {
      const e = Date.parse(n.expires)
      if (e > t) {
        // daysLeft = ceil((e - now) / DAY) steps down when e - now crosses a whole number of days
        const rest = (e - t) % DAY
        const step = t + (rest === 0 ? DAY : rest)
        if (step < until) until = step
      }
    }
  }
  return until
}

/** The build a page belongs to: the addresses of index.html's modules and stylesheets (hashed file names in a build). */
export function buildId(doc: Pick<Document, 'querySelectorAll'>): string {
  const out: string[] = []
  for (const e of doc.querySelectorAll('link[rel=modulepreload][href], link[rel=stylesheet][href]')) out.push(e.getAttribute('href') ?? '')
  return out.join(' ')
}

/** The route a kiosk starts on, from its address (hash history). */
export function routeOf(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] || '/'
  return path
}
