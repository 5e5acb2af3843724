/**
 * Files staff upload while composing: attachments (PDF, images, short video
 * for 政策图解), checked against what a kiosk accepts when they arrive, and
 * tables (.xlsx, .csv) read into the grid the composer turns into a feed table.
 */
import ExcelJS from 'exceljs'
import type { Context } from 'hono'
import { ApiError, badRequest } from '../errors'
import { readBytes } from '../http/body'
import type { Queryable } from '../db/db'
import { sha256Hex } from '../tokens'
import { DEFAULT_FILE_LIMIT_BYTES, inWords } from '../../../src/feed/limits'
import { decodeText } from '../../../src/import/decodeText'
import { parseCsvTable } from '../../../src/import/csv'
import { problemWords, SourceError, where, type SourceProblem } from '../../../src/import/problem'
import { msg } from '../../../src/i18n/message'
import type { ComposedMessage } from '../../../src/i18n/compose'

export const ATTACHMENT_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'image/webp': 'WebP 图片',
  'video/mp4': 'MP4 视频',
  'video/webm': 'WebM 视频',
}

function tooLarge(name: string, size: number | null, limit: number): ApiError {
  const l = inWords(limit)
  const s = size === null ? null : inWords(size)
  return new ApiError(
    413,
    'file.too_large',
    s ? msg('api.file_too_large.sized', { name, size: s, limit: l }) : msg('api.file_too_large.unsized', { name, limit: l }),
    { limit, size },
  )
}

/** the request body, refused as soon as it passes `limit`, with the limit in words */
async function bodyWithin(c: Context, name: string, limit: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(name, declared, limit)
  try {
    return await readBytes(c, limit)
  } catch (e) {
    if (e instanceof ApiError && e.code === 'body.too_large') throw tooLarge(name, null, limit)
    throw e
  }
}

export function uploadName(c: Context): string {
  const name = (c.req.query('name') ?? '').trim()
  if (!name || name.length > 200) throw badRequest('input.invalid', msg('api.input_invalid.give_file_name_name'), { field: 'name' })
  return name
}

/** Stores an attachment (content-addressed, served beside the feed as files/<sha256>) and returns the feed's attachment entry. */
export async function uploadAttachment(c: Context, q: Queryable, limit = DEFAULT_FILE_LIMIT_BYTES) {
  const name = uploadName(c)
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (!ATTACHMENT_TYPES[type]) {
    throw new ApiError(415, 'file.type', { code: 'api.file_type', params: { name, type: type || msg('api.unknown_type') } }, { type })
  }
  const bytes = await bodyWithin(c, name, limit)
  if (!bytes.byteLength) throw badRequest('file.empty', msg('api.file_empty', { name }))
  const sha256 = sha256Hex(bytes)
  await q.query('INSERT INTO feed_files (sha256, mime_type, bytes) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING', [sha256, type, bytes])
  return { url: `files/${sha256}`, mime_type: type, title: name, size_in_bytes: bytes.byteLength, _gongkai: { sha256 } }
}

/** tables are small: a 5 MB sheet is far beyond any notice */
export const TABLE_FILE_LIMIT = 5 * 1024 * 1024
const MAX_ROWS = 2000
const MAX_COLUMNS = 60

export type Grid = (string | number | null)[][]

/** The cells of an uploaded .xlsx (first sheet) or .csv, as a grid. */
export async function uploadTable(c: Context): Promise<{ name: string; grid: Grid }> {
  const name = uploadName(c)
  const bytes = await bodyWithin(c, name, TABLE_FILE_LIMIT)
  const lower = name.toLowerCase()
  const grid = lower.endsWith('.xlsx') ? await readXlsx(bytes, name) : lower.endsWith('.csv') ? readCsv(bytes, name) : null
  if (!grid) throw new ApiError(415, 'table.type', msg('api.table_type', { name }))
  if (grid.length > MAX_ROWS || grid.some((r) => r.length > MAX_COLUMNS)) {
    throw badRequest('table.too_big', msg('api.table_too_big', { name, rows: MAX_ROWS, columns: MAX_COLUMNS }))
  }
  return { name, grid }
}

async function readXlsx(bytes: Uint8Array, name: string): Promise<Grid> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch {
    throw badRequest('table.unreadable', msg('api.table_unreadable', { name }))
  }
  const sheet = wb.worksheets[0]
  if (!sheet) throw badRequest('table.empty', msg('api.table_empty', { name }))
  if (sheet.rowCount > MAX_ROWS || sheet.columnCount > MAX_COLUMNS) return [[...Array(MAX_COLUMNS + 1)].map(() => null)]
  const grid: Grid = []
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const cells: (string | number | null)[] = []
    for (let col = 1; col <= sheet.columnCount; col++) {
      const cell = row.getCell(col)
      const v = cell.value as unknown
      const result = v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v
      cells.push(typeof result === 'number' ? result : result === null || result === undefined ? null : cell.text)
    }
    grid.push(cells)
  }
  return grid
}

/** a .csv in UTF-8, UTF-8 with BOM or GBK/GB18030 (the shared decodeText), parsed by the shared parseCsvTable */
/** a file problem where it is */
const placed = (p: SourceProblem): ComposedMessage => ({ code: 'api.source_problem', params: { where: where(p), problem: p.message } })

function readCsv(bytes: Uint8Array, name: string): Grid {
  let text: string
  try {
    text = decodeText(bytes, name).text
  } catch (e) {
    if (e instanceof SourceError) throw badRequest('table.encoding', placed(e.problem))
    throw e
  }
  const { table, problems } = parseCsvTable(text, name)
  const p = problems[0]
  if (p) throw badRequest('table.csv', placed(p), { problems: problems.slice(0, 20).map((x) => ({ ...x, ...problemWords(x) })) })
  return [table.header, ...table.rows.map((r) => r.cells)]
}
