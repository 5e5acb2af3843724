/**
 * The page itself refuses to leave the app (issue 18 §1, in depth behind the
 * sanitiser and the Chromium URL policy kiosk/setup.sh writes): a top-level
 * navigation to another origin — a link the sanitiser missed, a script, a
 * form — is cancelled. Chromium ≥ 102 has the Navigation API, whose `navigate`
 * event can be cancelled for every navigation the page starts; elsewhere a
 * capturing click guard stops links and image-map areas, and `beforeunload`
 * asks before anything else unloads the page.
 */

interface NavigateEventLike extends Event {
  readonly destination: { readonly url: string }
  readonly cancelable: boolean
}

/** whether going to `url` would leave the app's own origin */
export function leavesApp(url: string, origin: string): boolean {
  try {
    return new URL(url, origin).origin !== origin
  } catch {
    return true
  }
}

/** Installs the guard on `win` (the kiosk window); returns how to remove it (tests). */
export function installNavigationGuard(win: Window = window, onRefused: (url: string) => void = () => undefined): () => void {
  const origin = win.location.origin
  const nav = (win as Window & { navigation?: EventTarget }).navigation
  const cleanups: (() => void)[] = []
  if (nav) {
    const onNavigate = (e: Event) => {
      const ev = e as NavigateEventLike
      if (ev.cancelable && leavesApp(ev.destination.url, origin)) {
        ev.preventDefault()
        onRefused(ev.destination.url)
      }
    }
    nav.addEventListener('navigate', onNavigate)
    cleanups.push(() => nav.removeEventListener('navigate', onNavigate))
  } else {
    const onClick = (e: Event) => {
      const link = (e.target as Element | null)?.closest?.('a[href], area[href]') as HTMLAnchorElement | HTMLAreaElement | null
      if (link && leavesApp(link.href, origin)) {
        e.preventDefault()
        onRefused(link.href)
      }
    }
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      // only a reload or an app update unloads the page on purpose; anything else asks first
      e.preventDefault()
    }
    win.addEventListener('click', onClick, true)
    win.addEventListener('beforeunload', onBeforeUnload)
    cleanups.push(() => win.removeEventListener('click', onClick, true), () => win.removeEventListener('beforeunload', onBeforeUnload))
  }
  return () => cleanups.forEach((c) => c())
}
