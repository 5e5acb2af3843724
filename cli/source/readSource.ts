/**
 * A township's source folder → a feed document (feed format v1):
 *
 *   village.json         title, village, categories, holidays, workdays, handbook_title
 *   checklist.csv        one checklist item a row (columns: see cli/templates/checklist.csv)
 *   notices/*.md         front matter + Markdown body; a table from notices/<same name>.csv
 *   handbook/*.md        chapters in file-name order; title from front matter or the first # heading
 *   attachments/         files that notices list in `attachments:`
 *
 * Every text file is decoded as UTF-8 or GBK/GB18030 (src/import/decodeText).
 * Problems in the folder itself (a shifted CSV row, a date nobody can read, a
 * YAML mistake, a file too big for a kiosk) are collected with file, line and
 * value; the feed's own rules are left to the validator and the lint, whose
 * JSON paths `locate` turns back into files and lines.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import MarkdownIt from 'markdown-it'
import { decodeText } from '../../src/import/decodeText'
import { parseCsvTable, type CsvTable } from '../../src/import/csv'
import { splitFrontMatter } from '../../src/import/frontMatter'
import { parseLooseDate } from '../../src/import/looseDate'
import { SourceError, type SourceProblem } from '../../src/import/problem'
import { msg, type Message } from '../../src/i18n/message'
import { parsePath } from '../../src/feed/issues'
import { DEFAULT_FILE_LIMIT_BYTES, inWords, REVISION_LIMIT_BYTES } from '../../src/feed/limits'
import { checklistItemFromRecord, FREQUENCY_WORDS, splitList } from '../../src/feed/checklistRecord'
import { KIND_HEADERS, ROW_KIND_NAMES } from '../../src/feed/tableFromGrid'

type Json = Record<string, unknown>

export interface SourceFile {
  /** path on disk */
  path: string
  /** where the built feed puts it, relative to feed.json: files/<sha256><ext> */
  target: string
  sha256: string
  size: number
}

/** where a part of the document came from */
interface Origin {
  file: string
  line?: number
  /** front-matter key → line */
  keys?: Record<string, number>
  /** table rows' lines (CSV), by row index */
  rows?: number[]
  tableFile?: string
}

export interface SourceResult {
  document: Json
  /** notice id → rules switched off (front matter lint_ignore) */
  ignore: Record<string, string[]>
  files: SourceFile[]
  problems: SourceProblem[]
  /** what the build read differently from how it was written (a date in another form) */
  notes: SourceProblem[]
  /** a JSON path of the document (items[3]._gongkai.expires) → the file and line it came from */
  locate(path: string): { file: string; line?: number } | undefined
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


const DATE_EXPECTED = (key: string, value: string) => msg('import.source.date', { key, value })

/** a spreadsheet cell: amounts become numbers; long digit runs (IDs, cards, phones) stay text so nothing is rounded */
function cell(raw: string): string | number | null {
  const t = raw.trim()
  if (t === '') return null
  const plain = t.replace(/,/g, '')
  if (/^-?(0|[1-9]\d{0,11})(\.\d{1,4})?$/.test(plain)) return Number(plain)
  return t
}

const mdFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : [])

/** which front-matter key a field of the item was written as */
const ITEM_KEY: Record<string, string[]> = {
  date_published: ['published', 'date'], expires: ['expires'], category: ['category'], checklist_item: ['checklist_item'],
  pinned: ['pinned'], urgent: ['urgent'], title: ['title'], summary: ['summary'], attachments: ['attachments'], id: ['id'],
}

export function readSource(dir: string, opts: { revision: number; generatedAt: string }): SourceResult {
  const problems: SourceProblem[] = []
  const notes: SourceProblem[] = []
  const files = new Map<string, SourceFile>()
  const ignore: Record<string, string[]> = {}
  const itemOrigins: Origin[] = []
  const checklistLines: number[] = []

  /** a text file decoded, or undefined with the problem recorded */
  const readText = (rel: string): string | undefined => {
    try {
      return decodeText(readFileSync(join(dir, rel)), rel).text
    } catch (e) {
      if (e instanceof SourceError) problems.push(e.problem)
      else throw e
      return undefined
    }
  }
  const csv = (rel: string): CsvTable | undefined => {
    const text = readText(rel)
    if (text === undefined) return undefined
    const r = parseCsvTable(text, rel)
    problems.push(...r.problems)
    return r.problems.length ? undefined : r.table
  }

  let village: Json = {}
  if (existsSync(join(dir, 'village.json'))) {
    const text = readText('village.json')
    if (text !== undefined) {
      try {
        village = JSON.parse(text) as Json
      } catch (e) {
        const pos = /position (\d+)/.exec((e as Error).message)
        const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined
        problems.push({ file: 'village.json', line, message: msg('import.source.bad_json', { detail: (e as Error).message }) })
      }
    }
  } else problems.push({ file: 'village.json', message: msg('import.source.no_village_json') })

  const checklist: Json[] = []
  if (existsSync(join(dir, 'checklist.csv'))) {
    const t = csv('checklist.csv')
    for (const row of t?.rows ?? []) {
      const r = Object.fromEntries(t!.header.map((k, i) => [k, (row.cells[i] ?? '').trim()]))
      const at = (message: Message) => problems.push({ file: 'checklist.csv', line: row.line, message })
      const word = r.frequency ?? ''
      const type = FREQUENCY_WORDS[word]
      if (!type) at(msg('import.source.frequency', { value: word }))
      const days = (r.days ?? '').trim()
      if (type === 'publicity') {
        if (!/^[1-9]\d*$/.test(days)) at(msg('import.source.publicity_days', { value: days }))
      }
      if (type === 'on_event' && days) {
        if (!/^\d+$/.test(days)) at(msg('import.source.event_days', { value: days }))
      }
      checklistLines.push(row.line)
      checklist.push(checklistItemFromRecord(r))
    }
  }

  const fileOf = (rel: string, where: Omit<SourceProblem, 'message'>): SourceFile | undefined => {
    const path = join(dir, rel)
    if (!rel || !existsSync(path) || !statSync(path).isFile()) {
      problems.push({ ...where, message: msg('import.source.attachment_missing', { file: rel }) })
      return undefined
    }
    const known = files.get(path)
    if (known) return known
    const bytes = readFileSync(path)
    if (bytes.length > DEFAULT_FILE_LIMIT_BYTES) {
      problems.push({ ...where, message: msg('import.source.attachment_too_big', { file: rel, size: inWords(bytes.length), limit: inWords(DEFAULT_FILE_LIMIT_BYTES) }) })
      return undefined
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const f: SourceFile = { path, target: `files/${sha256}${extname(path).toLowerCase()}`, sha256, size: bytes.length }
    files.set(path, f)
    return f
  }

  const readTable = (rel: string, meta: Json, origin: Origin): Json | undefined => {
    const t = csv(rel)
    if (!t) return undefined
    const first = t.header[0] ?? ''
    const hasKind = KIND_HEADERS.includes(first)
    const columns = hasKind ? t.header.slice(1) : t.header
    origin.tableFile = rel
    origin.rows = t.rows.map((r) => r.line)
    const rows = t.rows.map((r) => {
      const kindText = hasKind ? (r.cells[0] ?? '').trim() : ''
      const kind = ROW_KIND_NAMES[kindText]
      if (kind === undefined) {
        problems.push({ file: rel, line: r.line, message: msg('import.source.row_kind', { column: first, value: kindText }) })
      }
      return { kind: kind ?? kindText, cells: (hasKind ? r.cells.slice(1) : r.cells).map(cell) }
    })
    return { kind: String(meta.table_kind ?? (hasKind ? 'finance' : 'plain')), caption: String(meta.table_caption ?? ''), unit: String(meta.table_unit ?? ''), columns, rows }
  }

  const items: Json[] = []
  for (const name of mdFiles(join(dir, 'notices'))) {
    const rel = `notices/${name}`
    const text = readText(rel)
    if (text === undefined) continue
    let parsed: ReturnType<typeof splitFrontMatter>
    try {
      parsed = splitFrontMatter(text, rel)
    } catch (e) {
      if (!(e instanceof SourceError)) throw e
      problems.push(e.problem)
      continue
    }
    const { data, body, keyLines } = parsed
    const origin: Origin = { file: rel, keys: keyLines }
    const at = (key: string): Omit<SourceProblem, 'message'> => ({ file: rel, line: keyLines[key] })
    const date = (key: string, endOfDay: boolean): string | undefined => {
      const raw = data[key]
      if (raw === undefined || raw === null || raw === '') return undefined
      const s = raw instanceof Date ? raw.toISOString() : String(raw)
      const d = parseLooseDate(s, endOfDay)
      if (!d) {
        problems.push({ ...at(key), message: DATE_EXPECTED(key, s) })
        return undefined
      }
      if (d.rewritten) notes.push({ ...at(key), message: msg('import.source.read_as', { key, value: s, as: d.value }) })
      return d.value
    }
    const id = String(data.id ?? basename(name, '.md'))
    const g: Json = {}
    if (data.category !== undefined) g.category = String(data.category)
    if (data.checklist_item !== undefined) g.checklist_item = String(data.checklist_item)
    const expires = date('expires', true)
    if (expires) g.expires = expires
    for (const key of ['pinned', 'urgent'] as const) {
      if (data[key] === undefined) continue
      if (typeof data[key] !== 'boolean') problems.push({ ...at(key), message: msg('import.source.boolean', { key, value: String(data[key]) }) })
      g[key] = data[key]
    }
    const tableRel = `notices/${typeof data.table === 'string' ? data.table : `${basename(name, '.md')}.csv`}`
    if (existsSync(join(dir, tableRel))) {
      const table = readTable(tableRel, data, origin)
      if (table) g.table = table
    } else if (typeof data.table === 'string') problems.push({ ...at('table'), message: msg('import.source.table_missing', { file: data.table }) })
    const item: Json = { id, title: String(data.title ?? ''), content_html: md.render(body).trim() }
    if (data.summary !== undefined) item.summary = String(data.summary)
    const published = date(data.published !== undefined ? 'published' : 'date', false)
    if (published) item.date_published = published
    const attachments = Array.isArray(data.attachments) ? (data.attachments as unknown[]) : []
    const listed = attachments.flatMap((a) => {
      const entry = typeof a === 'string' ? { file: a } : (a as Json)
      const f = fileOf(String(entry.file ?? ''), at('attachments'))
      if (!f) return []
      return [{ url: f.target, mime_type: MIME[extname(f.path).toLowerCase()] ?? 'application/octet-stream', title: String(entry.title ?? basename(f.path)), size_in_bytes: f.size, _gongkai: { sha256: f.sha256 } }]
    })
    if (listed.length) item.attachments = listed
    if (Object.keys(g).length) item._gongkai = g
    const off = splitList(data.lint_ignore)
    if (off.length) ignore[id] = off
    items.push(item)
    itemOrigins.push(origin)
  }

  const total = [...files.values()].reduce((s, f) => s + f.size, 0)
  if (total > REVISION_LIMIT_BYTES) {
    problems.push({ file: 'attachments/', message: msg('import.source.attachments_total', { size: inWords(total), limit: inWords(REVISION_LIMIT_BYTES) }) })
  }

  const chapters: Json[] = []
  for (const name of mdFiles(join(dir, 'handbook'))) {
    const rel = `handbook/${name}`
    const text = readText(rel)
    if (text === undefined) continue
    try {
      const { data, body } = splitFrontMatter(text, rel)
      const heading = /^#\s+(.+)$/m.exec(body)
      chapters.push({ id: String(data.id ?? basename(name, '.md')), title: String(data.title ?? heading?.[1] ?? basename(name, '.md')), content_markdown: body.trim() })
    } catch (e) {
      if (!(e instanceof SourceError)) throw e
      problems.push(e.problem)
    }
  }

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

  const locate = (path: string) => {
    const p = parsePath(path)
    if (p[0] === 'items' && typeof p[1] === 'number') {
      const o = itemOrigins[p[1]]
      if (!o) return undefined
      const f = p[2] === '_gongkai' ? 3 : 2
      const field = p[f]
      if (field === 'table' && o.tableFile) {
        // items[i]._gongkai.table.rows[r] (validator, lint) or items[i].table[r][c] (privacy guard)
        const r = p[f + 1] === 'rows' ? p[f + 2] : p[f + 1]
        const row = typeof r === 'number' ? o.rows?.[r] : undefined
        return { file: o.tableFile, line: row ?? 1 }
      }
      const key = (ITEM_KEY[String(field)] ?? []).find((k) => o.keys?.[k] !== undefined)
      return { file: o.file, line: key ? o.keys![key] : undefined }
    }
    if (p[0] === '_gongkai' && p[1] === 'checklist' && typeof p[2] === 'number') return { file: 'checklist.csv', line: checklistLines[p[2]] }
    if (p[0] === '_gongkai' && p[1] === 'handbook') return { file: 'handbook/' }
    if (p[0] === '_gongkai' || p[0] === 'title' || p[0] === 'home_page_url') return { file: 'village.json' }
    return undefined
  }
  return { document, ignore, files: [...files.values()], problems, notes, locate }
}
