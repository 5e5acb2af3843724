/**
 * The village-layer export file (docs/village-export-format.md): one zip made
 * with fflate holding
 *   feed.json        a JSON Feed 1.1 whose items are the local notices and whose
 *                    `_gongkai` extension (kind "village-layer") carries the
 *                    village's checklist items, the ledger and the photo list
 *   photos/<id>.<ext> each photo, its SHA-256 in the photo list
 * parseVillageExport checks everything before anything is written — the zip's
 * directory against IMPORT_CAPS before anything is inflated (zipReader.ts) —
 * and says in Chinese and English why a file is refused.
 */
import * as v from 'valibot'
import { strFromU8, strToU8, zipSync } from 'fflate'
import { sha256Hex } from '../sync/hash'
import type { ComposedMessage } from '../i18n/compose'
import { msg } from '../i18n/message'
import { IMPORT_CAPS, ZipRefused, readZipDirectory, readZipEntry, type ZipRefusal } from './zipReader'
import { ledgerRecordSchema, localNoticeSchema, photoMetaSchema, villageItemSchema, type LocalNotice, type PhotoRecord, type VillageLayer } from './model'

export const EXPORT_KIND = 'village-layer'
export const EXPORT_SCHEMA = 1
export const FEED_FILE = 'feed.json'
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

export interface ExportVillage {
  code: string
  name: string
}

export const IMPORT_ERROR_CODES = [
  'not_zip',
  'truncated',
  'too_many_entries',
  'entry_too_big',
  'too_big_total',
  'ratio',
  'bad_name',
  'duplicate_name',
  'unsupported',
  'no_feed',
  'bad_json',
  'foreign',
  'schema_version',
  'no_village',
  'other_village',
  'invalid_record',
  'duplicate_id',
  'photo_missing',
  'photo_corrupt',
] as const

export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number]

export interface ImportError {
  code: ImportErrorCode
  /** clerk.import_error.* (i18n/locales/<locale>/clerk.json) */
  message: ComposedMessage
  /** where in the file, e.g. _gongkai.ledger[3].postedOn */
  path?: string
}

/** The messages (clerk.import_error.*) with their parameters: the caps are part of the words. */
const MESSAGES: Record<ImportErrorCode, ComposedMessage> = {
  ...(Object.fromEntries(IMPORT_ERROR_CODES.map((c) => [c, msg(`clerk.import_error.${c}`)])) as Record<ImportErrorCode, ComposedMessage>),
  too_many_entries: msg('clerk.import_error.too_many_entries', { max: IMPORT_CAPS.maxEntries }),
  too_big_total: msg('clerk.import_error.too_big_total', { mb: IMPORT_CAPS.maxTotalBytes / 1024 / 1024 }),
}

function fail(code: ImportErrorCode, path?: string, message: ComposedMessage = MESSAGES[code]): { ok: false; error: ImportError } {
  return { ok: false, error: { code, message, ...(path ? { path } : {}) } }
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`

/** A zip refusal in words, naming the entry and the figures where there are some. */
function refused(r: ZipRefusal): { ok: false; error: ImportError } {
  switch (r.code) {
    case 'entry_too_big':
      return fail(r.code, r.name, msg('clerk.import_error.entry_too_big_at', { name: r.name, size: mb(r.size), cap: mb(r.cap) }))
    case 'ratio':
      return fail(r.code, r.name, msg('clerk.import_error.ratio_at', { name: r.name, ratio: r.ratio }))
    case 'bad_name':
    case 'duplicate_name':
    case 'unsupported':
      return fail(r.code, r.name)
    default:
      return fail(r.code)
  }
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
    // absent or null is refused with its own reason below (no_village)
    village: v.optional(v.nullable(v.object({ code: v.string(), name: v.string() }))),
    checklist_items: v.array(v.unknown()),
    ledger: v.array(v.unknown()),
    photos: v.array(v.unknown()),
  }),
})

const photoEntrySchema = v.object({ ...photoMetaSchema.entries, path: v.string(), size_in_bytes: v.number(), sha256: v.string() })

export interface ExportSummary {
  village: ExportVillage
  exportedAt: string
  counts: { items: number; ledger: number; notices: number; photos: number }
}

export type ParsedExport = ({ ok: true; layer: VillageLayer } & ExportSummary) | { ok: false; error: ImportError }

function pathOf(prefix: string, issues: v.BaseIssue<unknown>[]): string {
  const dotted = v.getDotPath(issues[0]!)
  return dotted ? `${prefix}.${dotted}` : prefix
}

/**
 * Reads and checks a whole export file. Writes nothing: the caller stores the
 * layer only when ok (after showing the summary and asking). `village` is this
 * kiosk's village: a file of another one is refused naming both.
 */
export async function parseVillageExport(input: Blob | Uint8Array, opts: { village?: ExportVillage | null } = {}): Promise<ParsedExport> {
  const file = input instanceof Blob ? input : new Blob([input as BlobPart])
  try {
    return await parseChecked(file, opts.village ?? null)
  } catch (e) {
    if (e instanceof ZipRefused) return refused(e.refusal)
    throw e
  }
}

async function parseChecked(file: Blob, here: ExportVillage | null): Promise<ParsedExport> {
  const entries = await readZipDirectory(file, IMPORT_CAPS, (name) => (name === FEED_FILE ? IMPORT_CAPS.maxFeedBytes : IMPORT_CAPS.maxPhotoBytes))
  const feedEntry = entries.get(FEED_FILE)
  if (!feedEntry) return fail('no_feed')
  let doc: unknown
  try {
    doc = JSON.parse(strFromU8(await readZipEntry(file, feedEntry)))
  } catch (e) {
    if (e instanceof ZipRefused) throw e
    return fail('bad_json')
  }
  const g = (doc as { _gongkai?: { kind?: unknown; schema?: unknown } } | null)?._gongkai
  if (!g || g.kind !== EXPORT_KIND || typeof (doc as { version?: unknown }).version !== 'string' || !String((doc as { version: string }).version).startsWith('https://jsonfeed.org/version/')) return fail('foreign')
  if (g.schema !== EXPORT_SCHEMA) return fail('schema_version')
  const env = v.safeParse(envelopeSchema, doc)
  if (!env.success) return fail('foreign', pathOf('', env.issues))
  const e = env.output._gongkai
  if (!e.village || !e.village.code) return fail('no_village', '_gongkai.village')
  if (here && e.village.code !== here.code) {
    const f = e.village
    return fail('other_village', undefined, {
      code: 'clerk.import_error.other_village_named',
      params: { name: f.name || msg('clerk.import_error.another_village'), code: f.code, here: here.name || msg('clerk.import_error.this_village'), hereCode: here.code },
    })
  }

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
    const entry = entries.get(p.path)
    if (!entry) return fail('photo_missing', p.path)
    const data = await readZipEntry(file, entry)
    if ((await sha256Hex(data)) !== p.sha256) return fail('photo_corrupt', p.path)
    photos.push({ id: p.id, blob: new Blob([data as BlobPart], { type: p.mimeType }), mimeType: p.mimeType, width: p.width, height: p.height, createdAt: p.createdAt })
  }
  const photoIds = new Set(photos.map((p) => p.id))
  for (const r of [...ledger.out!, ...notices.out!]) for (const id of r.photoIds) if (!photoIds.has(id)) return fail('photo_missing', `${r.id}:${id}`)

  const layer = { items: items.out!, ledger: ledger.out!, notices: notices.out!, photos }
  return {
    ok: true,
    layer,
    village: e.village,
    exportedAt: String((doc as { _gongkai: { exported_at?: unknown } })._gongkai.exported_at ?? ''),
    counts: { items: layer.items.length, ledger: layer.ledger.length, notices: layer.notices.length, photos: photos.length },
  }
}
