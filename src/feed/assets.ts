/**
 * The files a revision needs on the device before it may go live: notice
 * images, attachments, and images inside notice HTML and handbook Markdown.
 */
import type { FeedContent } from './types'

export interface AssetRef {
  url: string
  sha256?: string
  sizeInBytes?: number
}

const HTML_IMG = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi
const MD_IMG = /!\[[^\]]*\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g

function resolve(url: string, base: string): string | undefined {
  if (url.startsWith('data:')) return undefined
  try {
    const u = new URL(url, base)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined
  } catch {
    return undefined
  }
}

export function listAssets(content: FeedContent, baseUrl: string): AssetRef[] {
  const byUrl = new Map<string, AssetRef>()
  const add = (raw: string | undefined, extra: Omit<AssetRef, 'url'> = {}) => {
    if (!raw) return
    const url = resolve(raw, baseUrl)
    if (url && !byUrl.has(url)) byUrl.set(url, { url, ...extra })
  }
  for (const n of content.notices) {
    add(n.image)
    for (const a of n.attachments) add(a.url, { sha256: a.sha256, sizeInBytes: a.sizeInBytes })
    if (n.html) for (const m of n.html.matchAll(HTML_IMG)) add(m[1] ?? m[2] ?? m[3])
  }
  for (const c of content.handbook?.chapters ?? []) for (const m of c.markdown.matchAll(MD_IMG)) add(m[1])
  return [...byUrl.values()]
}
