/**
 * The village-layer export file (docs/village-export-format.md): one zip made
 * with fflate holding
 *   feed.json        a JSON Feed 1.1 whose items are the local notices and whose
 *                    `_gongkai` extension (kind "village-layer") carries the
 *                    village's checklist items, the ledger and the photo list
 *   photos/<id>.<ext> each photo, its SHA-256 in the photo list
 * parseVillageExport checks everything before anything is written, and says in
 * Chinese and English why a file is refused.
 */
import * as v from 'valibot'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { sha256Hex } from '../sync/hash'
import { ledgerRecordSchema, localNoticeSchema, photoMetaSchema, villageItemSchema, type LocalNotice, type PhotoRecord, type VillageLayer } from './model'

export const EXPORT_KIND = 'village-layer'
export const EXPORT_SCHEMA = 1
export const FEED_FILE = 'feed.json'
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

export interface ExportVillage {
  code: string
  name: string
}

export type ImportErrorCode = 'not_zip' | 'no_feed' | 'bad_json' | 'foreign' | 'schema_version' | 'other_village' | 'invalid_record' | 'duplicate_id' | 'photo_missing' | 'photo_corrupt'

export interface ImportError {
  code: ImportErrorCode
  zh: string
  en: string
  /** where in the file, e.g. _gongkai.ledger[3].postedOn */
  path?: string
}

const MESSAGES: Record<ImportErrorCode, { zh: string; en: string }> = {
  not_zip: { zh: '这不是台账导出文件（无法作为 zip 打开）。', en: 'This is not a ledger export file (it cannot be opened as a zip).' },
  no_feed: { zh: '文件里缺少 feed.json，可能不完整。', en: 'The file has no feed.json; it may be incomplete.' },
  bad_json: { zh: 'feed.json 已损坏，无法读取。', en: 'feed.json is damaged and cannot be read.' },
  foreign: { zh: '这不是本系统导出的村级台账文件。', en: 'This is not a village-layer file exported by this system.' },
  schema_version: { zh: '文件格式版本不受支持，请升级本机软件。', en: 'This file format version is not supported; update the kiosk software.' },
  other_village: { zh: '这是其他村的台账，不能导入本村。', en: 'This ledger belongs to another village and cannot be imported here.' },
  invalid_record: { zh: '文件中有记录内容不正确。', en: 'A record in the file is not valid.' },
  duplicate_id: { zh: '文件中有重复的记录编号。', en: 'The file has two records with the same id.' },
  photo_missing: { zh: '文件缺少照片，可能不完整。', en: 'A photo is missing from the file; it may be incomplete.' },
  photo_corrupt: { zh: '照片已损坏（校验不一致）。', en: 'A photo is damaged (its checksum does not match).' },
}

function fail(code: ImportErrorCode, path?: string): { ok: false; error: ImportError } {
  return { ok: false, error: { code, ...MESSAGES[code], ...(path ? { path } : {}) } }
}

const photoPath = (p: { id: string; mimeType: string }) => `photos/${p.id}.${EXT[p.mimeType] ?? 'bin'}`

const noticeItem = (n: LocalNotice) => ({
  id: n.id,
  title: n.title,
  content_text: n.text,
  date_published: n.published,
  date_modified: n.updatedAt,
  _gongkai: { local_notice: n },
})

export async function buildVillageExport(layer: VillageLayer, opts: { village: ExportVillage | null; now?: Date }): Promise<Uint8Array> {
  const photos = await Promise.all(
    layer.photos.map(async (p) => {
      const bytes = new Uint8Array(await p.blob.arrayBuffer())
      return { p, bytes, sha256: await sha256Hex(bytes) }
    }),
  )
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${opts.village?.name ?? ''} 村级公开台账 / village disclosure ledger`.trim(),
    items: layer.notices.map(noticeItem),
    _gongkai: {
      kind: EXPORT_KIND,
      schema: EXPORT_SCHEMA,
      exported_at: (opts.now ?? new Date()).toISOString(),
      village: opts.village,
      checklist_items: layer.items,
      ledger: layer.ledger,
      photos: photos.map(({ p, bytes, sha256 }) => ({ id: p.id, path: photoPath(p), mimeType: p.mimeType, width: p.width, height: p.height, createdAt: p.createdAt, size_in_bytes: bytes.length, sha256 })),
    },
  }
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = { [FEED_FILE]: strToU8(JSON.stringify(feed, null, 1)) }
  // photos are JPEG/PNG already: store them without compressing again
  for (const { p, bytes } of photos) files[photoPath(p)] = [bytes, { level: 0 }]
  return zipSync(files, { level: 6 })
}

const envelopeSchema = v.object({
  version: v.string(),
  items: v.array(v.object({ _gongkai: v.object({ local_notice: v.unknown() }) })),
  _gongkai: v.object({
    kind: v.literal(EXPORT_KIND),
    schema: v.number(),
    village: v.nullable(v.object({ code: v.string(), name: v.string() })),
    checklist_items: v.array(v.unknown()),
    ledger: v.array(v.unknown()),
    photos: v.array(v.unknown()),
  }),
})

const photoEntrySchema = v.object({ ...photoMetaSchema.entries, path: v.string(), size_in_bytes: v.number(), sha256: v.string() })

export type ParsedExport = { ok: true; layer: VillageLayer; village: ExportVillage | null; exportedAt: string } | { ok: false; error: ImportError }

function pathOf(prefix: string, issues: v.BaseIssue<unknown>[]): string {
  const dotted = v.getDotPath(issues[0]!)
  return dotted ? `${prefix}.${dotted}` : prefix
}

/** Reads and checks a whole export file. Writes nothing: the caller stores the layer only when ok. */
export async function parseVillageExport(bytes: Uint8Array, opts: { villageCode?: string | null } = {}): Promise<ParsedExport> {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes)
  } catch {
    return fail('not_zip')
  }
  const feedBytes = files[FEED_FILE]
  if (!feedBytes) return fail('no_feed')
  let doc: unknown
  try {
    doc = JSON.parse(strFromU8(feedBytes))
  } catch {
    return fail('bad_json')
  }
  const g = (doc as { _gongkai?: { kind?: unknown; schema?: unknown } } | null)?._gongkai
  if (!g || g.kind !== EXPORT_KIND || typeof (doc as { version?: unknown }).version !== 'string' || !String((doc as { version: string }).version).startsWith('https://jsonfeed.org/version/')) return fail('foreign')
  if (g.schema !== EXPORT_SCHEMA) return fail('schema_version')
  const env = v.safeParse(envelopeSchema, doc)
  if (!env.success) return fail('foreign', pathOf('', env.issues))
  const e = env.output._gongkai
  if (opts.villageCode && e.village && e.village.code !== opts.villageCode) return fail('other_village')

  const parseAll = <S extends v.GenericSchema>(schema: S, list: unknown[], prefix: string) => {
    const out: v.InferOutput<S>[] = []
    for (let i = 0; i < list.length; i++) {
      const r = v.safeParse(schema, list[i])
      if (!r.success) return { error: fail('invalid_record', pathOf(`${prefix}[${i}]`, r.issues)) }
      out.push(r.output)
    }
    return { out }
  }
  const items = parseAll(villageItemSchema, e.checklist_items, '_gongkai.checklist_items')
  if ('error' in items) return items.error!
  const ledger = parseAll(ledgerRecordSchema, e.ledger, '_gongkai.ledger')
  if ('error' in ledger) return ledger.error!
  const notices = parseAll(localNoticeSchema, env.output.items.map((i) => i._gongkai.local_notice), 'items')
  if ('error' in notices) return notices.error!
  const photoEntries = parseAll(photoEntrySchema, e.photos, '_gongkai.photos')
  if ('error' in photoEntries) return photoEntries.error!

  for (const [name, list] of [['checklist_items', items.out!], ['ledger', ledger.out!], ['items', notices.out!], ['photos', photoEntries.out!]] as const) {
    const seen = new Set<string>()
    for (const r of list) {
      if (seen.has(r.id)) return fail('duplicate_id', `${name}:${r.id}`)
      seen.add(r.id)
    }
  }

  const photos: PhotoRecord[] = []
  for (const p of photoEntries.out!) {
    const data = files[p.path]
    if (!data) return fail('photo_missing', p.path)
    if ((await sha256Hex(data)) !== p.sha256) return fail('photo_corrupt', p.path)
    photos.push({ id: p.id, blob: new Blob([data as BlobPart], { type: p.mimeType }), mimeType: p.mimeType, width: p.width, height: p.height, createdAt: p.createdAt })
  }
  const photoIds = new Set(photos.map((p) => p.id))
  for (const r of [...ledger.out!, ...notices.out!]) for (const id of r.photoIds) if (!photoIds.has(id)) return fail('photo_missing', `${r.id}:${id}`)

  return { ok: true, layer: { items: items.out!, ledger: ledger.out!, notices: notices.out!, photos }, village: e.village, exportedAt: String((doc as { _gongkai: { exported_at?: unknown } })._gongkai.exported_at ?? '') }
}
