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
import { SourceError, where } from '../../../src/import/problem'

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
    `“${name}”${s ? `有 ${s}，` : ''}超过一体机能接收的单个文件上限 ${l}。请压缩或拆分后再上传`,
    `“${name}”${s ? ` is ${s},` : ''} over the ${l} a kiosk accepts per file. Compress or split it and upload again`,
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
  if (!name || name.length > 200) throw badRequest('input.invalid', '请给出文件名（?name=）', 'give the file name (?name=)', { field: 'name' })
  return name
}

/** Stores an attachment (content-addressed, served beside the feed as files/<sha256>) and returns the feed's attachment entry. */
export async function uploadAttachment(c: Context, q: Queryable, limit = DEFAULT_FILE_LIMIT_BYTES) {
  const name = uploadName(c)
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (!ATTACHMENT_TYPES[type]) {
    throw new ApiError(415, 'file.type', `“${name}”的类型（${type || '未知'}）一体机不能显示；可上传 PDF、JPEG/PNG/WebP 图片或 MP4/WebM 视频`, `“${name}” (${type || 'unknown type'}) cannot be shown on a kiosk; upload PDF, JPEG/PNG/WebP images or MP4/WebM video`, { type })
  }
  const bytes = await bodyWithin(c, name, limit)
  if (!bytes.byteLength) throw badRequest('file.empty', `“${name}”是空文件`, `“${name}” is empty`)
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
  if (!grid) throw new ApiError(415, 'table.type', `“${name}”不是 .xlsx 或 .csv 表格；在 Excel/WPS 里“另存为”其中一种再上传`, `“${name}” is not an .xlsx or .csv table; “Save as” one of them in Excel/WPS`)
  if (grid.length > MAX_ROWS || grid.some((r) => r.length > MAX_COLUMNS)) {
    throw badRequest('table.too_big', `“${name}”超过 ${MAX_ROWS} 行或 ${MAX_COLUMNS} 列，不像一张公告里的表格`, `“${name}” has more than ${MAX_ROWS} rows or ${MAX_COLUMNS} columns`)
  }
  return { name, grid }
}

async function readXlsx(bytes: Uint8Array, name: string): Promise<Grid> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch {
    throw badRequest('table.unreadable', `“${name}”打不开：不是有效的 .xlsx 文件`, `“${name}” cannot be opened: not a valid .xlsx file`)
  }
  const sheet = wb.worksheets[0]
  if (!sheet) throw badRequest('table.empty', `“${name}”里没有工作表`, `“${name}” has no worksheet`)
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
function readCsv(bytes: Uint8Array, name: string): Grid {
  let text: string
  try {
    text = decodeText(bytes, name).text
  } catch (e) {
    if (e instanceof SourceError) throw badRequest('table.encoding', `${where(e.problem)}: ${e.problem.zh}`, `${where(e.problem)}: ${e.problem.en}`)
    throw e
  }
  const { table, problems } = parseCsvTable(text, name)
  const p = problems[0]
  if (p) throw badRequest('table.csv', `${where(p)}: ${p.zh}`, `${where(p)}: ${p.en}`, { problems: problems.slice(0, 20) })
  return [table.header, ...table.rows.map((r) => r.cells)]
}
