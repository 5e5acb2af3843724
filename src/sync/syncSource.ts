/**
 * One sync cycle of one feed source, with its bookkeeping: 304 changes nothing,
 * 200 is applied, and every failure is recorded with its reason for #/status.
 */
import { getLiveState, getPointer, getSyncState, putSyncState, type LiveState } from '../db'
import { applyFeedBytes, type ApplyDeps, type FeedSource } from './applyRevision'
import { SyncError } from './errors'
import { fetchFeed } from './fetchFeed'

export type SyncOutcome =
  | { kind: 'not-modified' }
  | { kind: 'unchanged'; revision: number }
  | { kind: 'applied'; revision: number; previous: number | null }
  | { kind: 'failed'; error: SyncError }

export async function syncSource(source: FeedSource, deps: ApplyDeps): Promise<SyncOutcome> {
  const now = () => (deps.now ?? (() => new Date()))().toISOString()
  const state = await getSyncState(source.id)
  state.lastAttemptAt = now()
  let outcome: SyncOutcome
  /** read while a new feed downloads, not after it: what the apply checks first */
  let liveState: Promise<LiveState> | undefined
  try {
    const fetchStart = performance.now()
    const fetched = await fetchFeed(source.url, {
      etag: state.etag,
      lastModified: state.lastModified,
      timeoutMs: deps.timeoutMs,
      maxBytes: deps.maxBytes,
      fetch: deps.fetch,
      allowedOrigins: source.allowedOrigins,
      onBody: () => {
        liveState = getLiveState(source.id)
        liveState.catch(() => undefined)
      },
    })
    if (fetched.status === 'not-modified') {
      // "not modified" means nothing to a kiosk that has nothing: it must not read as up to date
      if (!(await getPointer(source.id))) throw new SyncError('unsolicited_304', [source.url])
      outcome = { kind: 'not-modified' }
    } else {
      const applyStart = performance.now()
      const result = await applyFeedBytes(source, fetched.bytes, fetched.url, deps, liveState)
      // validators are kept only for content that was accepted, so a refused feed is fetched and judged again
      state.etag = fetched.etag
      state.lastModified = fetched.lastModified
      if (result.kind === 'applied') {
        state.lastAppliedAt = now()
        outcome = { kind: 'applied', revision: result.revision, previous: result.previous }
        deps.onStages?.({ fetch: applyStart - fetchStart, ...result.stages })
      } else outcome = result
    }
    state.lastSuccessAt = now()
    state.lastError = null
    state.consecutiveFailures = 0
  } catch (e) {
    const error = e instanceof SyncError ? e : new SyncError('storage', [String((e as Error)?.message ?? e)])
    state.lastError = { code: error.code, at: now(), details: error.details, ...(error.issues.length ? { issues: error.issues.slice(0, 20) } : {}) }
    state.consecutiveFailures++
    outcome = { kind: 'failed', error }
  }
  await putSyncState(state)
  return outcome
}
