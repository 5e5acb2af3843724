/**
 * From fetched bytes to a live revision: verify → parse and validate → decide
 * whether it is newer → fetch and check every file it needs → commit in one
 * transaction. Any failure throws a SyncError and leaves the live revision as it was.
 */
import { inWords, REVISION_LIMIT_BYTES } from '../feed/limits'
import { parseFeedText } from '../feed/validate'
import { normalizeFeed } from '../feed/normalize'
import { listAssets, type AssetRef } from '../feed/assets'
import { issueAt, type FeedIssue } from '../feed/issues'
import type { FeedContent } from '../feed/types'
import { commitRevision, getAsset, getLiveState, pruneSource, putSearchIndex, StaleRevisionError, type AssetRecord, type LiveState, type NoticeChunkRecord, type RevisionRecord } from '../db'
import { SyncError } from './errors'
import { fetchBounded, type FetchLike } from './boundedFetch'
import { sha256Hex } from './hash'
import { verifyFeedSignature } from './verifySignature'
import { guardFeedContent } from './guardContent'
import { droppedFileWarning, planFiles } from './filePolicy'
import { checkConfiguredKey, decideTrust, pinFromRecord } from './trust'
import { decideRevision } from './revisionPolicy'

export interface FeedSource {
  /** stable id of the source: the storage key of its revisions */
  id: string
  url: string
  name?: string
  /** Ed25519 public key (base64); when set, only signed revisions are applied */
  publicKey?: string
  /** the township root key (base64) that may sign epoch records (sync/trust.ts); pinned on first use */
  rootKey?: string
  /** origins besides the feed's own that files and redirects may come from (config allowedOrigins) */
  allowedOrigins?: string[]
}

export interface ApplyDeps {
  fetch?: FetchLike
  now?: () => Date
  timeoutMs: number
  maxBytes: number
  /** checks the feed bytes before anything is parsed; throws SyncError('signature') to refuse them */
  verify?: (source: FeedSource, bytes: Uint8Array, feedUrl: string) => Promise<void>
  /** builds the revision's search index; stored after the revision went live (its own transaction), so starting never re-indexes */
  buildIndex?: (content: FeedContent) => Promise<unknown> | unknown
  /** told the revision's notice chunks while its transaction commits (the sync worker posts them to the page, which holds them until onLive) */
  whileCommitting?: (pending: { revision: number; chunks: NoticeChunkRecord[] }) => void
  /** told as soon as the revision is live, with its record and notice chunks as written (the sync worker tells the page to show them) */
  onLive?: (live: { record: RevisionRecord; chunks: NoticeChunkRecord[] }) => Promise<void> | void
  /** told how long each step of an applied revision took (syncSource adds the fetch; the benchmark reads them) */
  onStages?: (stages: StageTimes) => void
}

export type ApplyResult =
  | { kind: 'unchanged'; revision: number }
  | { kind: 'applied'; revision: number; previous: number | null; warnings: FeedIssue[]; content: FeedContent; stages: StageTimes }

/** Milliseconds spent in each step of an apply (bench/apply.mjs reports them). */
export type StageTimes = Record<string, number>

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new SyncError('invalid', [], [issueAt([], 'not_utf8')])
  }
}

async function fetchAsset(ref: AssetRef, source: FeedSource, deps: ApplyDeps, now: string): Promise<AssetRecord> {
  const { url } = ref
  let got: { res: Response; bytes: Uint8Array | null }
  try {
    got = await fetchBounded(url, { cache: 'no-store' }, {
      timeoutMs: deps.timeoutMs,
      maxBytes: deps.maxBytes,
      fetch: deps.fetch,
      allowedOrigins: source.allowedOrigins,
      onHeaders: (res) => {
        if (!res.ok) throw new SyncError('asset', [`HTTP ${res.status}`, url])
      },
    })
  } catch (e) {
    // a stalled or cut-short file keeps its own reason; an unreachable one is an asset failure
    if (e instanceof SyncError && e.code === 'network') throw new SyncError('asset', [url, ...e.details.slice(1)])
    throw e
  }
  const bytes = got.bytes!
  const sha256 = await sha256Hex(bytes)
  if (ref.sha256 && sha256 !== ref.sha256) throw new SyncError('asset_hash', [url])
  const mimeType = got.res.headers.get('content-type')?.split(';')[0]?.trim() || 'application/octet-stream'
  return { url, blob: new Blob([bytes as BlobPart], { type: mimeType }), mimeType, size: bytes.byteLength, sha256, storedAt: now }
}

const DATE_CODES = new Set(['date_time', 'date'])

/** the refusal a list of feed errors amounts to: a repeated key and impossible dates have their own reasons */
function invalidFeed(errors: FeedIssue[]): SyncError {
  const code = errors.some((e) => e.code === 'duplicate_key') ? 'duplicate_key' : errors.every((e) => DATE_CODES.has(e.code)) ? 'bad_date' : 'invalid'
  return new SyncError(code, [], errors)
}

/** normalizeFeed; a date the validator let through but Date cannot hold is a bad date, not a storage failure */
function normalizeGuarded(...args: Parameters<typeof normalizeFeed>): FeedContent {
  try {
    return normalizeFeed(...args)
  } catch (e) {
    if (e instanceof RangeError) throw new SyncError('bad_date', [String(e.message)])
    throw e
  }
}

/** An optional image that cannot be had is left out of what the notices show. */
function withoutFiles(content: FeedContent, urls: Set<string>): FeedContent {
  if (!urls.size) return content
  return { ...content, notices: content.notices.map((n) => (n.image && urls.has(n.image) ? (({ image: _i, ...rest }) => rest)(n) : n)) }
}

/** parseFeedText, with a hostile structure (e.g. 100 000 nested arrays overflowing the stack) refused as invalid */
function parseFeedGuarded(text: string): ReturnType<typeof parseFeedText> {
  try {
    return parseFeedText(text)
  } catch (e) {
    throw new SyncError('invalid', [], [issueAt([], 'unprocessable', { name: (e as Error)?.name ?? 'error' })])
  }
}

/**
 * Applies feed bytes. `liveState`: the live pointer and record as read when this sync cycle began (syncSource
 * reads them while the feed downloads; one cycle per source runs at a time, and the commit checks the pointer
 * again in its own transaction); read here when not given.
 */
export async function applyFeedBytes(source: FeedSource, bytes: Uint8Array, feedUrl: string, deps: ApplyDeps, liveState?: Promise<LiveState>): Promise<ApplyResult> {
  const now = (deps.now ?? (() => new Date()))()
  const stages: StageTimes = {}
  let lapStart = performance.now()
  const lap = (stage: string) => {
    const t = performance.now()
    stages[stage] = t - lapStart
    lapStart = t
  }
  // WebCrypto hashes off this thread: the digest of a 5 MB feed (6 ms in Chromium 109) runs while it is decoded and parsed
  const hashing = sha256Hex(bytes)
  hashing.catch(() => undefined)
  const { pointer, record: live } = await (liveState ?? getLiveState(source.id))
  // trust on first use: a source that accepted signed content keeps its key (sync/trust.ts)
  const pin = pinFromRecord(live)
  checkConfiguredKey(source, pin)
  // with a key configured nothing unsigned gets through, whoever runs this (main thread or sync worker)
  if (deps.verify) await deps.verify(source, bytes, feedUrl)
  else if (source.publicKey) await verifyFeedSignature(source, bytes, feedUrl, { ...deps, allowedOrigins: source.allowedOrigins })
  lap('verify')
  const text = decodeUtf8(bytes)
  lap('decode')
  const parsed = parseFeedGuarded(text)
  lap('validate')
  if (!parsed.ok) throw invalidFeed(parsed.errors)
  const sha256 = await hashing
  const normalized = normalizeGuarded(parsed.feed, feedUrl, source.id)
  lap('normalize')
  const guarded = guardFeedContent(normalized)
  const { privacyFindings } = guarded
  let content = guarded.content
  lap('privacy')

  const trust = await decideTrust(source, content, pin)
  const decided = decideRevision({
    feedRevision: content.revision,
    live: pointer ? { revision: pointer.current, sha256: live?.sha256 } : null,
    sha256,
    signed: !!source.publicKey,
    resetRevision: trust.resetRevision,
  })
  if (decided.kind === 'unchanged') return decided
  const revision = decided.revision

  // every file the revision needs is on the device before it goes live, from allowed origins, pinned under a key
  const plan = planFiles(listAssets(content, feedUrl), { feedUrl, signed: !!source.publicKey, extended: content.extended, allowedOrigins: source.allowedOrigins })
  const warnings = [...parsed.warnings, ...plan.warnings]
  const dropped = new Set(plan.dropped.map((r) => r.url))
  const refs: AssetRef[] = []
  const assets: AssetRecord[] = []
  let assetBytes = 0
  for (const ref of [...plan.required, ...plan.optional]) {
    const stored = await getAsset(ref.url)
    if (!(stored && (!ref.sha256 || stored.sha256 === ref.sha256))) {
      let asset: AssetRecord
      try {
        asset = await fetchAsset(ref, source, deps, now.toISOString())
      } catch (e) {
        if (!plan.optional.includes(ref)) throw e
        warnings.push(droppedFileWarning(ref))
        dropped.add(ref.url)
        continue
      }
      assetBytes += asset.size
      if (assetBytes > REVISION_LIMIT_BYTES) throw new SyncError('too_large', [`attachments > ${inWords(REVISION_LIMIT_BYTES)}`, ref.url])
      assets.push(asset)
    }
    refs.push(ref)
  }
  content = withoutFiles(content, dropped)

  lap('assets')
  let committed: Awaited<ReturnType<typeof commitRevision>>
  try {
    committed = await commitRevision({ sourceId: source.id, revision, sha256, content, assets, assetUrls: refs.map((r) => r.url), warnings, privacyFindings, signedWith: source.publicKey, trustedRootKey: trust.rootKey, resetRevision: trust.resetRevision, now, whileCommitting: deps.whileCommitting && ((chunks) => deps.whileCommitting!({ revision, chunks })) })
  } catch (e) {
    if (e instanceof StaleRevisionError) throw new SyncError('rollback', [`${e.revision} <= ${e.current}`])
    throw new SyncError('storage', [String((e as Error)?.message ?? e)])
  }
  lap('commit')
  await deps.onLive?.({ record: committed.record, chunks: committed.chunks })
  lap('handover')
  // the content is live and shown: the index follows in its own transaction (until then search builds its own)
  if (deps.buildIndex) {
    const index = await deps.buildIndex(content)
    lap('index')
    if (index !== undefined) await putSearchIndex(source.id, revision, index).catch((e: unknown) => console.warn('search index not stored', e))
    lap('indexWrite')
  }
  await pruneSource(source.id).catch(() => undefined)
  lap('prune')
  return { kind: 'applied', revision, previous: committed.previous, warnings, content, stages }
}
