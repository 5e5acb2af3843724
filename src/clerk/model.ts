/**
 * The village layer (村级台账): what clerks keep on the kiosk, apart from the
 * township feed. Every record is plain JSON (photos are referenced by id), has
 * a version that goes up on each save, and is checked by these valibot schemas
 * on import and before a save.
 */
import * as v from 'valibot'
import { checklistItemSchema, isoDate, dateTime, tableSchema, ID_PATTERN } from '../feed/schema'
import { LIMITS } from './formLimits'

const id = v.pipe(v.string('string'), v.regex(ID_PATTERN, 'id'))
const text = (max: number) => v.pipe(v.string('string'), v.maxLength(max, 'too_long'))
const optionalDay = v.union([isoDate, v.literal('')], 'date')
const meta = {
  createdAt: dateTime,
  updatedAt: dateTime,
  version: v.pipe(v.number('number'), v.integer('integer'), v.minValue(1, 'positive')),
}

/** Where a disclosure was posted. */
export const PLACES = ['board', 'screen', 'wechat', 'broadcast', 'group_board'] as const
export type Place = (typeof PLACES)[number]

/** A checklist item the village added itself. Same fields as the feed's checklist. */
export const villageItemSchema = v.object({
  ...checklistItemSchema.entries,
  title: v.pipe(v.string('string'), v.trim(), v.minLength(1, 'non_empty'), v.maxLength(LIMITS.itemTitle, 'too_long')),
  content: text(LIMITS.itemContent),
  basis: text(LIMITS.itemBasis),
  owner: text(LIMITS.itemShort),
  audience: v.optional(text(LIMITS.itemShort), ''),
  retired: v.boolean('boolean'),
  retiredAt: v.union([dateTime, v.literal('')], 'date_time'),
  /** the day the item applies from (its first period starts on or after it); absent or '': its creation day */
  activeFrom: v.optional(optionalDay),
  ...meta,
})
export type VillageItem = v.InferOutput<typeof villageItemSchema>

export const questionSchema = v.object({
  id,
  askedOn: optionalDay,
  question: text(2000),
  reply: text(2000),
  repliedOn: optionalDay,
})
export type VillagerQuestion = v.InferOutput<typeof questionSchema>

/** One line of the ledger (台账): a disclosure of one checklist item for one period. */
export const ledgerRecordSchema = v.object({
  id,
  itemId: id,
  /** period key as the compliance clock names it: 2026-10, 2026-Q3, 2026-H1, 2026, or an event date */
  periodKey: text(40),
  periodLabel: text(80),
  postedOn: isoDate,
  places: v.array(v.picklist(PLACES, 'place'), 'array'),
  takenDownOn: optionalDay,
  postedBy: text(80),
  reviewer: text(80),
  reviewedOn: optionalDay,
  reviewOpinion: text(2000),
  note: text(2000),
  photoIds: v.array(id, 'array'),
  questions: v.array(questionSchema, 'array'),
  ...meta,
})
export type LedgerRecord = v.InferOutput<typeof ledgerRecordSchema>

export const maskedFindingSchema = v.object({ field: text(80), kind: v.picklist(['id18', 'id18_check', 'id15', 'mobile', 'bank_card'], 'kind') })

/** A notice posted on this kiosk's board by the village. */
export const localNoticeSchema = v.object({
  id,
  title: v.pipe(v.string('string'), v.trim(), v.minLength(1, 'non_empty'), v.maxLength(LIMITS.noticeTitle, 'too_long')),
  text: text(LIMITS.noticeText),
  category: id,
  checklistItem: v.union([id, v.literal('')], 'id'),
  /** the 公示 window */
  published: dateTime,
  expires: v.union([dateTime, v.literal('')], 'date_time'),
  table: v.nullable(tableSchema),
  photoIds: v.array(id, 'array'),
  retired: v.boolean('boolean'),
  /** what the privacy guard masked before the save (kind only: never the raw value) */
  masked: v.array(maskedFindingSchema, 'array'),
  ...meta,
})
export type LocalNotice = v.InferOutput<typeof localNoticeSchema>

export interface PhotoRecord {
  id: string
  blob: Blob
  mimeType: string
  width: number
  height: number
  createdAt: string
}

export const photoMetaSchema = v.object({
  id,
  mimeType: v.picklist(['image/jpeg', 'image/png', 'image/webp'], 'mime_type'),
  width: v.pipe(v.number('number'), v.integer('integer'), v.minValue(1, 'positive'), v.maxValue(1600, 'too_big')),
  height: v.pipe(v.number('number'), v.integer('integer'), v.minValue(1, 'positive'), v.maxValue(1600, 'too_big')),
  createdAt: dateTime,
})

/** Everything the village layer holds: what export writes and import restores. */
export interface VillageLayer {
  items: VillageItem[]
  ledger: LedgerRecord[]
  notices: LocalNotice[]
  photos: PhotoRecord[]
}

export type RecordKind = 'item' | 'ledger' | 'notice'
export type ClerkRecord = VillageItem | LedgerRecord | LocalNotice

/** The IndexedDB store each kind of record lives in. */
export { STORE_OF } from './storeNames'

/** A form being typed: saved on every keystroke, deleted by the save that uses it. */
export interface Draft {
  /** `<kind>:new` or `<kind>:<record id>` — one draft per form */
  id: string
  kind: RecordKind
  recordId: string | null
  fields: Record<string, unknown>
  /** photos taken in this form and not saved yet: the blobs live in the draft until the save */
  pendingPhotos: PhotoRecord[]
  updatedAt: string
}

export const draftId = (kind: RecordKind, recordId: string | null) => `${kind}:${recordId ?? 'new'}`

/** A new record id: kind prefix, time and randomness, URL-safe (ids appear in routes). */
export function newRecordId(prefix: string, now = new Date()): string {
  const rand = Array.from(crypto.getRandomValues(new Uint8Array(5)), (b) => b.toString(16).padStart(2, '0')).join('')
  return `${prefix}-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${rand}`
}
