/**
 * In the sync worker: holds the search index build of a revision just handed over until the page says it has
 * shown it (`shown`, syncProtocol.ts). On a two-core kiosk the index build (≈ 180 ms in Chromium 109) and the
 * page's render of the new board took turns on the cores, and the board painted ≈ 25 ms later (issue 19 item 3).
 * A page that never says so (hidden, gone, an old page) holds the index by `maxWaitMs`, no more.
 */
export interface ShownGate {
  /** resolves when `shown(sourceId, revision)` comes, or after maxWaitMs; a newer hand-over of the source releases the older wait */
  untilShown(sourceId: string, revision: number): Promise<void>
  /** the page showed this revision */
  shown(sourceId: string, revision: number): void
}

export function shownGate(maxWaitMs: number): ShownGate {
  const waiting = new Map<string, { revision: number; release: () => void }>()
  return {
    untilShown(sourceId, revision) {
      waiting.get(sourceId)?.release()
      return new Promise((resolve) => {
        const release = () => {
          clearTimeout(timer)
          if (waiting.get(sourceId)?.release === release) waiting.delete(sourceId)
          resolve()
        }
        const timer = setTimeout(release, maxWaitMs)
        waiting.set(sourceId, { revision, release })
      })
    },
    shown(sourceId, revision) {
      const w = waiting.get(sourceId)
      if (w?.revision === revision) w.release()
    },
  }
}
