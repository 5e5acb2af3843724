/**
 * A township's source folder → a feed document (feed format v1):
 *
 *   village.json         title, village, categories, holidays, workdays, handbook_title
 *   checklist.csv        one checklist item a row (columns: see cli/templates/checklist.csv)
 *   notices/*.md         front matter + Markdown body; a table from notices/<same name>.csv
 *   handbook/*.md        chapters in file-name order; title from front matter or the first # heading
 *   attachments/         files that notices list in `attachments:`
 *
 * Problems in the folder itself (a missing file, a bad date) are collected as
 * messages; the feed's own rules are left to the validator and the lint.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, extname, join, relative } from 'node:path'
import MarkdownIt from 'markdown-it'
import { csvRecords, parseCsv } from './csv'
import { splitFrontMatter } from './frontMatter'
import { checklistItemFromRecord, splitList } from '../../src/feed/checklistRecord'

type Json = Record<string, unknown>

export interface SourceFile {
  /** path on disk */
  path: string
  /** where the built feed puts it, relative to feed.json: files/<sha256><ext> */
  target: string
  sha256: string
  size: number
}

export interface SourceResult {
  document: Json
  /** notice id → rules switched off (front matter lint_ignore) */
  ignore: Record<string, string[]>
  files: SourceFile[]
  problems: string[]
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false })

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.txt': 'text/plain',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

const ROW_KIND: Record<string, string> = {
  期初: 'opening', 期初余额: 'opening', opening: 'opening',
  收入: 'income', income: 'income', 收入合计: 'income_total', income_total: 'income_total',
  支出: 'expense', expense: 'expense', 支出合计: 'expense_total', expense_total: 'expense_total',
  期末: 'closing', 期末余额: 'closing', closing: 'closing',
  备注: 'memo', memo: 'memo', 合计: 'total', total: 'total', 数据: 'data', data: 'data', '': 'data',
}

/** a date-time for the feed: a bare date means the start (or, for ends, the end) of that day in China */
export function toDateTime(value: unknown, endOfDay = false): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const s = value instanceof Date ? value.toISOString() : String(value).trim()
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return `${s}T${endOfDay ? '23:59:59' : '00:00:00'}+08:00`
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/.test(s)) return `${s.replace(' ', 'T')}:00+08:00`
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$/.test(s)) return `${s.replace(' ', 'T')}+08:00`
  return s
}

/** a spreadsheet cell: amounts become numbers; long digit runs (IDs, cards, phones) stay text so nothing is rounded */
function cell(raw: string): string | number | null {
  const t = raw.trim()
  if (t === '') return null
  const plain = t.replace(/,/g, '')
  if (/^-?(0|[1-9]\d{0,11})(\.\d{1,4})?$/.test(plain)) return Number(plain)
  return t
}

function readTable(path: string, meta: Json): Json {
  const [header = [], ...rows] = parseCsv(readFileSync(path, 'utf8'))
  const hasKind = ['kind', '类型', '行类型'].includes((header[0] ?? '').trim())
  const columns = (hasKind ? header.slice(1) : header).map((h) => h.trim())
  return {
    kind: String(meta.table_kind ?? (hasKind ? 'finance' : 'plain')),
    caption: String(meta.table_caption ?? ''),
    unit: String(meta.table_unit ?? ''),
    columns,
    rows: rows.map((r) => {
      const kindText = hasKind ? (r[0] ?? '').trim() : ''
      const cells = (hasKind ? r.slice(1) : r).map(cell)
      while (cells.length < columns.length) cells.push(null)
      return { kind: ROW_KIND[kindText] ?? kindText, cells }
    }),
  }
}

function fileOf(dir: string, rel: string, files: Map<string, SourceFile>, problems: string[], where: string): SourceFile | undefined {
  const path = join(dir, rel)
  if (!existsSync(path)) {
    problems.push(`${where}: 找不到文件 ${rel} / file not found`)
    return undefined
  }
  const known = files.get(path)
  if (known) return known
  const bytes = readFileSync(path)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const f: SourceFile = { path, target: `files/${sha256}${extname(path).toLowerCase()}`, sha256, size: bytes.length }
  files.set(path, f)
  return f
}

const mdFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : [])

export function readSource(dir: string, opts: { revision: number; generatedAt: string }): SourceResult {
  const problems: string[] = []
  const files = new Map<string, SourceFile>()
  const ignore: Record<string, string[]> = {}

  let village: Json = {}
  const villagePath = join(dir, 'village.json')
  if (existsSync(villagePath)) {
    try {
      village = JSON.parse(readFileSync(villagePath, 'utf8').replace(/^\uFEFF/, '')) as Json
    } catch (e) {
      problems.push(`village.json: 不是有效的 JSON / not valid JSON (${(e as Error).message})`)
    }
  } else problems.push('village.json: 缺少此文件 / missing')

  const checklist = existsSync(join(dir, 'checklist.csv'))
    ? csvRecords(readFileSync(join(dir, 'checklist.csv'), 'utf8')).map(checklistItemFromRecord)
    : []

  const items: Json[] = []
  for (const name of mdFiles(join(dir, 'notices'))) {
    const where = `notices/${name}`
    const { data, body } = splitFrontMatter(readFileSync(join(dir, 'notices', name), 'utf8'))
    const id = String(data.id ?? basename(name, '.md'))
    const g: Json = {}
    if (data.category !== undefined) g.category = String(data.category)
    if (data.checklist_item !== undefined) g.checklist_item = String(data.checklist_item)
    const expires = toDateTime(data.expires, true)
    if (expires) g.expires = expires
    if (data.pinned !== undefined) g.pinned = data.pinned
    if (data.urgent !== undefined) g.urgent = data.urgent
    const tablePath = join(dir, 'notices', typeof data.table === 'string' ? data.table : `${basename(name, '.md')}.csv`)
    if (existsSync(tablePath)) g.table = readTable(tablePath, data)
    else if (typeof data.table === 'string') problems.push(`${where}: 找不到表格 ${data.table} / table not found`)
    const item: Json = { id, title: String(data.title ?? ''), content_html: md.render(body).trim() }
    if (data.summary !== undefined) item.summary = String(data.summary)
    const published = toDateTime(data.published ?? data.date)
    if (published) item.date_published = published
    const attachments = Array.isArray(data.attachments) ? (data.attachments as unknown[]) : []
    const listed = attachments.flatMap((a) => {
      const entry = typeof a === 'string' ? { file: a } : (a as Json)
      const f = fileOf(dir, String(entry.file ?? ''), files, problems, where)
      if (!f) return []
      return [{ url: f.target, mime_type: MIME[extname(f.path).toLowerCase()] ?? 'application/octet-stream', title: String(entry.title ?? basename(f.path)), size_in_bytes: f.size, _gongkai: { sha256: f.sha256 } }]
    })
    if (listed.length) item.attachments = listed
    if (Object.keys(g).length) item._gongkai = g
    const off = splitList(data.lint_ignore)
    if (off.length) ignore[id] = off
    items.push(item)
  }

  const chapters = mdFiles(join(dir, 'handbook')).map((name) => {
    const { data, body } = splitFrontMatter(readFileSync(join(dir, 'handbook', name), 'utf8'))
    const heading = /^#\s+(.+)$/m.exec(body)
    return { id: String(data.id ?? basename(name, '.md')), title: String(data.title ?? heading?.[1] ?? basename(name, '.md')), content_markdown: body.trim() }
  })

  const ext: Json = {
    schema: 1,
    revision: opts.revision,
    generated_at: opts.generatedAt,
    village: village.village,
    categories: village.categories,
    checklist,
    holidays: village.holidays ?? [],
    workdays: village.workdays ?? [],
  }
  if (chapters.length) ext.handbook = { title: String(village.handbook_title ?? '村务公开手册'), chapters }
  const document: Json = { version: 'https://jsonfeed.org/version/1.1', title: village.title, ...(village.home_page_url ? { home_page_url: village.home_page_url } : {}), ...(village.feed_url ? { feed_url: village.feed_url } : {}), language: 'zh-CN', items, _gongkai: ext }
  return { document, ignore, files: [...files.values()], problems: problems.map((p) => p.replace(dir, relative(process.cwd(), dir) || '.')) }
}
