/**
 * The files a revision needs on the device before it may go live: notice
 * images, attachments, and images inside notice HTML and handbook Markdown.
 * Images take their SHA-256 from the feed's pinned files (_gongkai.files),
 * attachments from their own `_gongkai.sha256`.
 */
import type { FeedContent } from './types'

export interface AssetRef {
  url: string
  sha256?: string
  sizeInBytes?: number
  kind: 'image' | 'attachment'
  /** where the feed names it, for messages: a notice id or `handbook:<chapter id>` */
  where: string
}

const HTML_IMG = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi
const MD_IMG = /!\[[^\]]*\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g

function resolve(url: string, base: string): string | undefined {
  // data: is inline, and "#…" points into the page: neither is a file
  if (url.startsWith('data:') || url.startsWith('#')) return undefined
  try {
    const u = new URL(url, base)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined
  } catch {
    return undefined
  }
}

export function listAssets(content: FeedContent, baseUrl: string): AssetRef[] {
  const byUrl = new Map<string, AssetRef>()
  const pinned = new Map(Object.entries(content.fileHashes ?? {}))
  const add = (raw: string | undefined, where: string, extra: Partial<AssetRef> = {}) => {
    if (!raw) return
    const url = resolve(raw, baseUrl)
    if (url && !byUrl.has(url)) byUrl.set(url, { url, kind: 'image', where, sha256: pinned.get(url), ...extra })
  }
  for (const n of content.notices) {
    add(n.image, n.id)
    for (const a of n.attachments) add(a.url, n.id, { kind: 'attachment', sha256: a.sha256, sizeInBytes: a.sizeInBytes })
    if (n.html) for (const m of n.html.matchAll(HTML_IMG)) add(m[1] ?? m[2] ?? m[3], n.id)
  }
  for (const c of content.handbook?.chapters ?? []) for (const m of c.markdown.matchAll(MD_IMG)) add(m[1], `handbook:${c.id}`)
  return [...byUrl.values()]
}
