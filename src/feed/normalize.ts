/**
 * Turns a validated feed document into the content model (feed/types.ts):
 * URLs resolved against the feed's address, defaults filled, plain JSON Feed
 * items put into the default category.
 */
import type { FeedDocument, FeedItem } from './schema'
import { absolutizeHtml, absolutizeMarkdown } from './absolutize'
import { safeNoticeId } from './noticeId'
import { DEFAULT_CATEGORY, type Attachment, type FeedContent, type Notice } from './types'

function resolve(url: string | undefined, base: string): string | undefined {
  if (url === undefined) return undefined
  try {
    return new URL(url, base).href
  } catch {
    return undefined
  }
}

/** new Date(s).toISOString(), once per distinct string: a feed repeats the same few hundred dates thousands of times */
function isoMemo(): (s: string) => string {
  const seen = new Map<string, string>()
  return (s) => {
    let iso = seen.get(s)
    if (iso === undefined) {
      iso = new Date(s).toISOString()
      seen.set(s, iso)
    }
    return iso
  }
}

function toNotice(item: FeedItem, base: string, defaultCategory: string, toIso: (s: string) => string): Notice {
  const g = item._gongkai
  const attachments: Attachment[] = (item.attachments ?? []).flatMap((a) => {
    const url = resolve(a.url, base)
    if (!url) return []
    return [{ url, mimeType: a.mime_type, title: a.title ?? '', sizeInBytes: a.size_in_bytes, sha256: a._gongkai?.sha256 }]
  })
  const id = safeNoticeId(item.id)
  const n: Notice = {
    id,
    title: item.title ?? item.summary ?? (item.content_text ?? '').slice(0, 40),
    category: g?.category ?? defaultCategory,
    pinned: g?.pinned ?? false,
    urgent: g?.urgent ?? false,
    attachments,
    tags: item.tags ?? [],
  }
  if (id !== item.id) n.feedId = item.id
  if (item.content_html !== undefined) n.html = absolutizeHtml(item.content_html, base)
  if (item.content_text !== undefined) n.text = item.content_text
  if (item.summary !== undefined) n.summary = item.summary
  const url = resolve(item.url, base)
  if (url) n.url = url
  const ext = resolve(item.external_url, base)
  if (ext) n.externalUrl = ext
  const image = resolve(item.image ?? item.banner_image, base)
  if (image) n.image = image
  if (item.date_published) n.published = toIso(item.date_published)
  if (item.date_modified) n.modified = toIso(item.date_modified)
  if (g?.expires) n.expires = toIso(g.expires)
  if (g?.checklist_item) n.checklistItem = g.checklist_item
  if (g?.table) n.table = { ...g.table, rows: g.table.rows.map((r) => ({ kind: r.kind, cells: r.cells })) }
  return n
}

/** _gongkai.files as absolute URL → SHA-256 (stored with the revision) */
function pinnedHashes(files: { url: string; sha256: string }[], base: string): Record<string, string> {
  return Object.fromEntries(files.flatMap((f) => {
    const url = resolve(f.url, base)
    return url ? [[url, f.sha256] as const] : []
  }))
}

/**
 * @param baseUrl the address the feed was fetched from; relative URLs resolve against it
 * @param sourceId names the village of a plain feed, which has no village code
 */
export function normalizeFeed(feed: FeedDocument, baseUrl: string, sourceId = 'default'): FeedContent {
  const ext = feed._gongkai
  const categories = ext ? ext.categories.map((c) => ({ id: c.id, title: c.title })) : [DEFAULT_CATEGORY]
  const defaultCategory = categories[0]!.id
  const toIso = isoMemo()
  return {
    revision: ext?.revision ?? null,
    generatedAt: ext ? new Date(ext.generated_at).toISOString() : null,
    title: feed.title,
    village: ext
      ? { code: ext.village.code, name: ext.village.name, township: ext.village.township, county: ext.village.county }
      : { code: sourceId, name: feed.title, township: '', county: '' },
    categories,
    checklist: (ext?.checklist ?? []).map((c) => ({ ...c, channels: [...c.channels] })),
    handbook: ext?.handbook
      ? { title: ext.handbook.title, chapters: ext.handbook.chapters.map((c) => ({ id: c.id, title: c.title, markdown: absolutizeMarkdown(c.content_markdown, baseUrl) })) }
      : null,
    holidays: ext?.holidays ?? [],
    workdays: ext?.workdays ?? [],
    notices: feed.items.map((item) => toNotice(item, baseUrl, defaultCategory, toIso)),
    extended: !!ext,
    ...(ext?.files.length ? { fileHashes: pinnedHashes(ext.files, baseUrl) } : {}),
    ...(ext?.epoch ? { epoch: { number: ext.epoch.number, publicKey: ext.epoch.public_key, signature: ext.epoch.signature } } : {}),
  }
}
