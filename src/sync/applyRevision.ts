/**
 * From fetched bytes to a live revision: verify → parse and validate → decide
 * whether it is newer → fetch and check every file it needs → commit in one
 * transaction. Any failure throws a SyncError and leaves the live revision as it was.
 */
import { inWords, REVISION_LIMIT_BYTES } from '../feed/limits'
import { parseFeedText } from '../feed/validate'
import { normalizeFeed } from '../feed/normalize'
import { listAssets } from '../feed/assets'
import { describeIssue, type FeedIssue } from '../feed/issues'
import type { FeedContent } from '../feed/types'
import { commitRevision, getAsset, getPointer, getRevisionRecord, pruneSource, StaleRevisionError, type AssetRecord } from '../db'
import { SyncError } from './errors'
import { fetchWithTimeout, readLimitedWithin, type FetchLike } from './fetchFeed'
import { sha256Hex } from './hash'
import { verifyFeedSignature } from './verifySignature'
import { guardFeedContent } from './guardContent'

export interface FeedSource {
  /** stable id of the source: the storage key of its revisions */
  id: string
  url: string
  name?: string
  /** Ed25519 public key (base64); when set, only signed revisions are applied */
  publicKey?: string
}

export interface ApplyDeps {
  fetch?: FetchLike
  now?: () => Date
  timeoutMs: number
  maxBytes: number
  /** checks the feed bytes before anything is parsed; throws SyncError('signature') to refuse them */
  verify?: (source: FeedSource, bytes: Uint8Array, feedUrl: string) => Promise<void>
  /** builds the revision's search index; stored in the same transaction, so starting never re-indexes */
  buildIndex?: (content: FeedContent) => Promise<unknown> | unknown
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
    throw new SyncError('invalid', ['(feed): 不是 UTF-8 文本 / not UTF-8 text'])
  }
}

async function fetchAsset(url: string, expected: string | undefined, deps: ApplyDeps, now: string): Promise<AssetRecord> {
  let res: Response
  try {
    res = await fetchWithTimeout(url, { cache: 'no-store' }, deps.timeoutMs, deps.fetch)
  } catch (e) {
    throw new SyncError('asset', [url, ...(e instanceof SyncError ? e.details.slice(1) : [])])
  }
  if (!res.ok) throw new SyncError('asset', [`HTTP ${res.status}`, url])
  const bytes = await readLimitedWithin(res, deps.maxBytes, deps.timeoutMs, url)
  const sha256 = await sha256Hex(bytes)
  if (expected && sha256 !== expected) throw new SyncError('asset_hash', [url])
  const mimeType = res.headers.get('content-type')?.split(';')[0]?.trim() || 'application/octet-stream'
  return { url, blob: new Blob([bytes as BlobPart], { type: mimeType }), mimeType, size: bytes.byteLength, sha256, storedAt: now }
}

/** parseFeedText, with a hostile structure (e.g. 100 000 nested arrays overflowing the stack) refused as invalid */
function parseFeedGuarded(text: string): ReturnType<typeof parseFeedText> {
  try {
    return parseFeedText(text)
  } catch (e) {
    throw new SyncError('invalid', [`(feed): 结构异常，无法解析 / the structure cannot be processed (${(e as Error)?.name ?? 'error'})`])
  }
}

export async function applyFeedBytes(source: FeedSource, bytes: Uint8Array, feedUrl: string, deps: ApplyDeps): Promise<ApplyResult> {
  const now = (deps.now ?? (() => new Date()))()
  const stages: StageTimes = {}
  let lapStart = performance.now()
  const lap = (stage: string) => {
    const t = performance.now()
    stages[stage] = t - lapStart
    lapStart = t
  }
  // with a key configured nothing unsigned gets through, whoever runs this (main thread or sync worker)
  if (deps.verify) await deps.verify(source, bytes, feedUrl)
  else if (source.publicKey) await verifyFeedSignature(source, bytes, feedUrl, deps)
  const sha256 = await sha256Hex(bytes)
  lap('verify')
  const parsed = parseFeedGuarded(decodeUtf8(bytes))
  lap('validate')
  if (!parsed.ok) throw new SyncError('invalid', parsed.errors.slice(0, 20).map(describeIssue), parsed.errors)
  const normalized = normalizeFeed(parsed.feed, feedUrl, source.id)
  lap('normalize')
  const { content, privacyFindings } = guardFeedContent(normalized)
  lap('privacy')

  const pointer = await getPointer(source.id)
  const live = pointer ? await getRevisionRecord(source.id, pointer.current) : undefined
  let revision: number
  if (content.revision === null) {
    // plain JSON Feeds carry no revision: a change of bytes is the next one
    if (live && live.sha256 === sha256) return { kind: 'unchanged', revision: live.revision }
    revision = (pointer?.current ?? 0) + 1
  } else {
    revision = content.revision
    if (pointer && revision < pointer.current) throw new SyncError('rollback', [`${revision} < ${pointer.current}`])
    if (pointer && revision === pointer.current) {
      if (live?.sha256 === sha256) return { kind: 'unchanged', revision }
      throw new SyncError('stale_revision', [`${revision} = ${pointer.current}`])
    }
  }

  // every file the revision needs is on the device before it goes live
  const refs = listAssets(content, feedUrl)
  if (source.publicKey) {
    // the signature covers the listed hashes: an attachment without one could be swapped on the server
    const unhashed = content.notices.flatMap((n) => n.attachments.filter((a) => !a.sha256).map((a) => `${n.id}: ${a.url}`))
    if (unhashed.length) throw new SyncError('signature', ['签名内容中的附件缺少 SHA-256 / attachments in a signed feed must carry their SHA-256', ...unhashed.slice(0, 10)])
  }
  const assets: AssetRecord[] = []
  let assetBytes = 0
  for (const ref of refs) {
    const stored = await getAsset(ref.url)
    if (stored && (!ref.sha256 || stored.sha256 === ref.sha256)) continue
    const asset = await fetchAsset(ref.url, ref.sha256, deps, now.toISOString())
    assetBytes += asset.size
    if (assetBytes > REVISION_LIMIT_BYTES) throw new SyncError('too_large', [`attachments > ${inWords(REVISION_LIMIT_BYTES)}`, ref.url])
    assets.push(asset)
  }

  lap('assets')
  const searchIndex = deps.buildIndex ? await deps.buildIndex(content) : undefined
  lap('index')
  try {
    const p = await commitRevision({ sourceId: source.id, revision, sha256, content, assets, assetUrls: refs.map((r) => r.url), warnings: parsed.warnings, searchIndex, privacyFindings, signedWith: source.publicKey, now })
    lap('commit')
    await pruneSource(source.id).catch(() => undefined)
    lap('prune')
    return { kind: 'applied', revision, previous: p.previous, warnings: parsed.warnings, content, stages }
  } catch (e) {
    if (e instanceof StaleRevisionError) throw new SyncError('rollback', [`${e.revision} <= ${e.current}`])
    throw new SyncError('storage', [String((e as Error)?.message ?? e)])
  }
}
