/**
 * diff OLD NEW: what a new revision adds, changes and removes, in words a
 * person reads before publishing. Works on the content model, so it compares
 * what residents will see, not JSON formatting.
 */
import { parseFeedText } from '../../src/feed/validate'
import { normalizeFeed } from '../../src/feed/normalize'
import type { FeedContent } from '../../src/feed/types'
import { UsageError, type Io } from '../io'
import { readFeedText } from './load'
import { printIssues } from './report'

const FIELD_NAMES: Record<string, string> = {
  title: '标题 title',
  html: '正文 body',
  text: '正文 body',
  summary: '摘要 summary',
  published: '开始时间 published',
  expires: '结束时间 expires',
  category: '栏目 category',
  checklistItem: '清单事项 checklist item',
  pinned: '置顶 pinned',
  urgent: '紧急 urgent',
  table: '表格 table',
  attachments: '附件 attachments',
  image: '图片 image',
  frequency: '公开频次 frequency',
  content: '公开内容 content',
  basis: '公开依据 basis',
  channels: '公开渠道 channels',
  owner: '责任主体 owner',
  audience: '公开对象 audience',
  markdown: '正文 text',
}

function changedFields<T extends object>(a: T, b: T): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].filter((k) => k !== 'id' && JSON.stringify((a as Record<string, unknown>)[k]) !== JSON.stringify((b as Record<string, unknown>)[k])).map((k) => FIELD_NAMES[k] ?? k)
}

export interface DiffLine {
  kind: 'added' | 'changed' | 'removed'
  what: string
  text: string
}

function compare<T extends { id: string; title: string }>(what: string, before: T[], after: T[], out: DiffLine[]) {
  const old = new Map(before.map((x) => [x.id, x]))
  const neu = new Map(after.map((x) => [x.id, x]))
  for (const x of after) {
    const o = old.get(x.id)
    if (!o) out.push({ kind: 'added', what, text: `${x.id}「${x.title}」` })
    else {
      const fields = changedFields(o, x)
      if (fields.length) out.push({ kind: 'changed', what, text: `${x.id}「${x.title}」: ${fields.join('、')}` })
    }
  }
  for (const x of before) if (!neu.has(x.id)) out.push({ kind: 'removed', what, text: `${x.id}「${x.title}」` })
}

export function diffContent(a: FeedContent, b: FeedContent): DiffLine[] {
  const out: DiffLine[] = []
  compare('公告 notice', a.notices, b.notices, out)
  compare('清单事项 checklist item', a.checklist, b.checklist, out)
  compare('栏目 category', a.categories, b.categories, out)
  compare('手册章节 chapter', a.handbook?.chapters ?? [], b.handbook?.chapters ?? [], out)
  if (JSON.stringify(a.village) !== JSON.stringify(b.village)) out.push({ kind: 'changed', what: '村 village', text: `${a.village.name} → ${b.village.name}` })
  return out
}

async function load(target: string, io: Io): Promise<FeedContent | null> {
  const r = parseFeedText(await readFeedText(target))
  if (!r.ok) {
    io.err(`✗ ${target}: 格式错误 / invalid`)
    printIssues(io, '✗', r.errors)
    return null
  }
  return normalizeFeed(r.feed, 'https://feed.invalid/feed.json')
}

const LABEL = { added: '+ 新增 added', changed: '~ 修改 changed', removed: '- 删除 removed' }

/** the feed_url a built feed names: where it is published */
async function liveUrlOf(path: string): Promise<string | undefined> {
  try {
    const url = (JSON.parse(await readFeedText(path)) as { feed_url?: unknown }).feed_url
    return typeof url === 'string' && /^https?:\/\//.test(url) ? url : undefined
  } catch {
    return undefined
  }
}

/** diff OLD NEW; with only NEW, OLD is the live feed at NEW's feed_url */
export async function diff(first: string, second: string | undefined, io: Io): Promise<number> {
  let oldPath = first
  let newPath = second ?? first
  if (second === undefined) {
    const live = await liveUrlOf(first)
    if (!live) throw new UsageError(`${first} 没有 feed_url（线上地址），请写 diff 线上地址 ${first} / ${first} names no feed_url: give the live URL, diff URL ${first}`)
    io.out(`与线上版本比较 / comparing with the live feed: ${live}`)
    oldPath = live
    newPath = first
  }
  const [a, b] = [await load(oldPath, io), await load(newPath, io)]
  if (!a || !b) return 1
  io.out(`版本 revision ${a.revision ?? '—'} → ${b.revision ?? '—'}`)
  if (a.revision !== null && b.revision !== null && b.revision <= a.revision) io.err(`✗ 新版本号没有增加，一体机会拒绝 / the new revision is not higher; kiosks will refuse it`)
  const lines = diffContent(a, b)
  if (!lines.length) io.out('内容没有变化 / no content changes')
  for (const l of lines) io.out(`${LABEL[l.kind]} ${l.what}: ${l.text}`)
  const count = (k: DiffLine['kind']) => lines.filter((l) => l.kind === k).length
  io.out(`共新增 ${count('added')}、修改 ${count('changed')}、删除 ${count('removed')} / ${count('added')} added, ${count('changed')} changed, ${count('removed')} removed`)
  return 0
}
