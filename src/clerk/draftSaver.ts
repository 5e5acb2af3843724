/**
 * Saves a form's draft as it is typed: at most `delayMs` after the last change
 * (300 ms), and at once on flush (page hidden, about to unload, leaving the form).
 * Writes never overlap, and the last value always wins.
 */
export interface DraftSaver<T> {
  schedule(value: T): void
  flush(): Promise<void>
  /** true while a change has not reached storage */
  readonly dirty: boolean
  dispose(): void
}

export function createDraftSaver<T>(write: (value: T) => Promise<void>, opts: { delayMs?: number; onError?: (e: unknown) => void } = {}): DraftSaver<T> {
  const delay = opts.delayMs ?? 300
  let timer: ReturnType<typeof setTimeout> | null = null
  let pending: { value: T } | null = null
  let running: Promise<void> = Promise.resolve()

  const run = (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = null
    if (!pending) return running
    const { value } = pending
    pending = null
    running = running.then(() => write(value)).catch((e) => opts.onError?.(e))
    return running
  }

  return {
    schedule(value) {
      pending = { value }
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => void run(), delay)
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
