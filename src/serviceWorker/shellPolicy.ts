/**
 * Which app version (shell) the service worker serves when the kiosk page
 * loads. Pure logic, no browser APIs: src/sw.ts keeps the state in Cache
 * Storage and calls these functions.
 *
 * A new version is a candidate until one page of it reports that it started
 * (mounted and rendered). A candidate gets MAX_ATTEMPTS page loads to do so;
 * after that it is marked bad and the last version that started is served
 * again — its files are kept in their own cache until the next one has
 * started, so a rollback needs no network.
 */

/** page loads a new version gets to report "started" before it is rolled back */
export const MAX_ATTEMPTS = 2
/** how many page → shell assignments are remembered (pages report "started" within seconds) */
const SERVED_MEMORY = 20

export interface ShellState {
  /** key of the last version that started OK; its files are kept */
  good: string | null
  /** app version label per shell key, for #/status */
  labels: Record<string, string>
  /** page loads of a candidate that have not reported "started" yet */
  attempts: Record<string, number>
  /** versions that failed to start and are not served again */
  bad: string[]
  /** which shell each recent page (client id) was served */
  served: Array<[clientId: string, key: string]>
  /** the last rollback, for #/status */
  rolledBack: { from: string; fromLabel: string; to: string; toLabel: string; at: string } | null
}

export const emptyShellState = (): ShellState => ({ good: null, labels: {}, attempts: {}, bad: [], served: [], rolledBack: null })

/** Decides which shell a navigation gets, and counts the attempt. Returns the new state (the input is not changed). */
export function chooseShell(state: ShellState, self: string, selfLabel: string, goodCacheExists: boolean, now: Date): { key: string; state: ShellState } {
  const next: ShellState = structuredClone(state)
  next.labels[self] = selfLabel
  const fallback = state.good && state.good !== self && goodCacheExists ? state.good : null
  if (state.good === self || !fallback) return { key: self, state: next }
  if (state.bad.includes(self)) return { key: fallback, state: next }
  const tried = state.attempts[self] ?? 0
  if (tried < MAX_ATTEMPTS) {
    next.attempts[self] = tried + 1
    return { key: self, state: next }
  }
  // the candidate had its chances: back to the version that worked
  next.bad.push(self)
  delete next.attempts[self]
  next.rolledBack = { from: self, fromLabel: selfLabel, to: fallback, toLabel: state.labels[fallback] ?? '?', at: now.toISOString() }
  return { key: fallback, state: next }
}

/** Remembers which shell a page was served, so its "started" report is credited to the right version. */
export function noteServed(state: ShellState, clientId: string, key: string): ShellState {
  if (!clientId) return state
  const served = state.served.filter(([id]) => id !== clientId)
  served.push([clientId, key])
  return { ...state, served: served.slice(-SERVED_MEMORY) }
}

/**
 * A page reported that it started. If it runs this service worker's version,
 * that version becomes the good one. Returns the new state and whether older
 * shells may now be deleted.
 */
export function noteStarted(state: ShellState, clientId: string, self: string, selfLabel: string): { state: ShellState; changed: boolean } {
  const served = state.served.find(([id]) => id === clientId)?.[1]
  // a page this worker did not serve (loaded before it took over) runs the previous version
  const key = served ?? (state.good === null ? self : null)
  if (key !== self || state.good === self) return { state, changed: false }
  const attempts = { ...state.attempts }
  delete attempts[self]
  return { state: { ...state, good: self, attempts, bad: state.bad.filter((b) => b !== self), labels: { ...state.labels, [self]: selfLabel } }, changed: true }
}

/** Shell caches to keep: this version and the last good one. */
export function shellsToKeep(state: ShellState, self: string): Set<string> {
  return new Set([self, ...(state.good ? [state.good] : [])])
}

/** A short stable key for a precache manifest: changes whenever any file of the build changes. */
export function manifestKey(entries: ReadonlyArray<{ url: string; revision: string | null }>): string {
  const text = entries
    .map((e) => `${e.url} ${e.revision ?? ''}`)
    .sort()
    .join('\n')
  // FNV-1a, twice with different seeds: 64 bits are plenty to tell builds apart
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x9e3779b9
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x01000193 + 2)
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36)
}
