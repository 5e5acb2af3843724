/**
 * Takes the boot snapshot (perf/snapshotRule.ts): once a resident screen it covers ('/', '/checklist') has shown
 * its content and the kiosk is idle, #app's rendered DOM is stored with what it was rendered from (revisions,
 * village, locale, build) and until when time alone cannot change it. Taken again whenever one of those changes
 * (a new revision, another screen or village, the village layer); clerk mode never snapshots and
 * drops the stored one. What is saved is the app's own rendered markup (feed text escaped and masked as shown),
 * without the parts that are not the screen's first frame: `data-snapshot-skip` (the board built ahead, the
 * ledger figures shown after first content, the network badge and the freshness line, which come from the sync
 * state) is left out, `data-snapshot-blank` (the update time, also from the sync state) keeps its place unseen (base.css).
 */
import { watch } from 'vue'
import type { Router } from 'vue-router'
import { useContentStore } from '../stores/content'
import { useKioskStore } from '../stores/kiosk'
import { useBootSnapshotStore } from '../stores/bootSnapshot'
import { i18n } from '../modules/i18n'
import { whenFirstContent } from './firstContent'
import { whenIdle } from './whenIdle'
import { SNAPSHOT_ROUTES, buildId, snapshotValidUntil, type StoredSnapshot } from './snapshotRule'

/** a screen is taken once it has stood this long (its own after-first-content parts settled) */
const SETTLE_MS = 1000
export const SNAPSHOT_SAVED_MARK = 'gongkai:snapshot-saved'

/**
 * #app's markup without what the snapshot must not hold, and only its first screenful: what lies wholly below
 * the window's first height is left out (the boot script lays the snapshot out at the page's full height, so
 * the page scrolls, and is as wide, as the app's; less to lay out before its frame).
 */
export function snapshotHtml(app: Element, viewportHeight = window.innerHeight, scrollY = window.scrollY): string {
  const copy = app.cloneNode(true) as Element
  const live = app.querySelectorAll('*')
  const copies = copy.querySelectorAll('*')
  const below: Element[] = []
  live.forEach((e, i) => {
    const r = e.getBoundingClientRect()
    if (r.height > 0 && r.top + scrollY >= viewportHeight) below.push(copies[i]!)
  })
  for (const e of below) e.remove()
  for (const e of copy.querySelectorAll('[data-snapshot-skip]')) e.remove()
  // one element per id and per test id in the page, the app's (the snapshot's test ids renamed, so a test can
  // still point into the picture)
  for (const e of copy.querySelectorAll('[id]')) e.removeAttribute('id')
  for (const e of copy.querySelectorAll('[data-testid]')) {
    e.setAttribute('data-snapshot-testid', e.getAttribute('data-testid')!)
    e.removeAttribute('data-testid')
  }
  return copy.innerHTML
}

export function useBootSnapshotSaving(router: Router) {
  const content = useContentStore()
  const kiosk = useKioskStore()
  const store = useBootSnapshotStore()
  let started = false
  let timer: ReturnType<typeof setTimeout> | undefined

  const revisions = () => {
    const out: Record<string, number> = {}
    for (const [id, c] of content.bySource) out[id] = c.record.revision
    return out
  }
  const route = () => router.currentRoute.value.path
  // a start shows standard text and the default theme (the display settings are reset with every resident):
  // a screen taken in another size would not be the start's first frame
  const eligible = () =>
    kiosk.mode === 'resident' && kiosk.textSize === 'standard' && kiosk.theme === 'default' && content.loaded && !!content.activeSourceId && (SNAPSHOT_ROUTES as readonly string[]).includes(route())

  function take() {
    const app = document.getElementById('app')
    if (!app || !eligible()) return
    const now = new Date()
    const s: StoredSnapshot = {
      route: route(),
      build: buildId(document),
      locale: String(i18n.global.locale.value),
      revisions: revisions(),
      active: content.activeSourceId!,
      savedAt: now.getTime(),
      validUntil: snapshotValidUntil(content.allNotices(), now),
      html: snapshotHtml(app),
      height: document.documentElement.scrollHeight,
    }
    void store.save(s).then(() => performance.mark(SNAPSHOT_SAVED_MARK), (e: unknown) => console.warn('boot snapshot not saved', e))
  }

  function schedule() {
    if (!started) return
    clearTimeout(timer)
    if (!eligible()) return
    timer = setTimeout(() => whenIdle(take, 5000), SETTLE_MS)
  }

  watch(
    () => [route(), JSON.stringify(revisions()), content.activeSourceId, content.villageLayer, content.loaded, i18n.global.locale.value, kiosk.mode, kiosk.textSize, kiosk.theme],
    schedule,
  )
  watch(
    () => kiosk.mode,
    (m) => {
      if (m !== 'clerk') return
      clearTimeout(timer)
      void store.drop().catch((e: unknown) => console.warn('boot snapshot not dropped', e))
    },
  )
  void whenFirstContent().then(() => {
    started = true
    schedule()
  })
}
