/**
 * Saves a form's draft as it is typed. During continuous input a write starts
 * at most every `intervalMs` (300 ms) — a throttle, so steady typing is saved
 * while it goes on (issue 18 item 5: a debounce alone restarts on every key and
 * saved nothing until the typing paused) — and the last change is written
 * `intervalMs` after it at the latest; at once on flush (page hidden, about to
 * unload, leaving the form). Writes never overlap, and the last value always wins.
 */
export interface DraftSaver<T> {
  schedule(value: T): void
  flush(): Promise<void>
  /** true while a change has not reached storage */
  readonly dirty: boolean
  dispose(): void
}

export function createDraftSaver<T>(
  write: (value: T) => Promise<void>,
  opts: { intervalMs?: number; onError?: (e: unknown) => void; now?: () => number } = {},
): DraftSaver<T> {
  const interval = opts.intervalMs ?? 300
  const now = opts.now ?? (() => Date.now())
  let timer: ReturnType<typeof setTimeout> | null = null
  let pending: { value: T } | null = null
  let running: Promise<void> = Promise.resolve()
  /** when the last write started: the next one is due `interval` after it */
  let lastStart = -Infinity

  const run = (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = null
    if (!pending) return running
    const { value } = pending
    pending = null
    lastStart = now()
    running = running.then(() => write(value)).catch((e) => opts.onError?.(e))
    return running
  }

  return {
    schedule(value) {
      pending = { value }
      // a timer already set keeps its time: new keys do not push the write back
      if (timer) return
      const wait = Math.max(0, Math.min(interval, lastStart + interval - now()))
      timer = setTimeout(() => void run(), wait)
    },
    flush: run,
    get dirty() {
      return pending !== null
    },
    dispose() {
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}
