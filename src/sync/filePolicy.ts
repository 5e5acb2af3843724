/**
 * Which files a revision may name, before any is fetched (issue 18 §2, §11):
 *
 * - Files come from the feed's own origin or an origin the config allows
 *   (`allowedOrigins`): a feed cannot make the kiosk fetch intranet
 *   addresses or track it from elsewhere.
 * - Under a key, every file is pinned: attachments by their `_gongkai.sha256`,
 *   images by `_gongkai.files`; the signature covers the hashes, so a file
 *   swapped on the server is refused.
 * - In an unsigned plain JSON Feed images are decoration: one from another
 *   origin, or one that cannot be downloaded, is dropped with a warning
 *   instead of blocking the revision. Everything else is essential.
 */
import type { AssetRef } from '../feed/assets'
import { issueAt, type FeedIssue } from '../feed/issues'
import { SyncError } from './errors'

export interface FilePolicy {
  feedUrl: string
  signed: boolean
  /** the feed carries the _gongkai extension */
  extended: boolean
  allowedOrigins?: readonly string[]
}

export interface FilePlan {
  /** files to have on the device before the revision goes live */
  required: AssetRef[]
  /** files fetched if they can be; dropped with a warning if not */
  optional: AssetRef[]
  /** images left out before fetching (another origin), each with a warning */
  dropped: AssetRef[]
  warnings: FeedIssue[]
}

/** an image of an unsigned plain feed: may be dropped */
export const isOptionalFile = (ref: AssetRef, p: FilePolicy) => ref.kind === 'image' && !p.signed && !p.extended

export function droppedFileWarning(ref: AssetRef): FeedIssue {
  return { ...issueAt([], 'file_dropped'), path: `${ref.where}: ${ref.url}` }
}

export function planFiles(refs: AssetRef[], p: FilePolicy): FilePlan {
  const own = new URL(p.feedUrl).origin
  const allowed = new Set([own, ...(p.allowedOrigins ?? [])])
  const plan: FilePlan = { required: [], optional: [], dropped: [], warnings: [] }
  const foreign: string[] = []
  const unpinned: string[] = []
  for (const ref of refs) {
    const optional = isOptionalFile(ref, p)
    if (!allowed.has(new URL(ref.url).origin)) {
      if (optional) {
        plan.dropped.push(ref)
        plan.warnings.push(droppedFileWarning(ref))
      } else foreign.push(`${ref.where}: ${ref.url}`)
      continue
    }
    if (p.signed && !ref.sha256) unpinned.push(`${ref.where}: ${ref.url}`)
    ;(optional ? plan.optional : plan.required).push(ref)
  }
  if (foreign.length) throw new SyncError('file_origin', foreign.slice(0, 10), [issueAt([], 'allowed_hosts', { hosts: [...allowed].join(', ') })])
  if (unpinned.length) throw new SyncError('unpinned_file', unpinned.slice(0, 10), [issueAt([], 'pin_every_file')])
  return plan
}
