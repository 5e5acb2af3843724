/**
 * The compose form ↔ the feed item a draft stores, and where a lint finding
 * belongs in the form (its path in the feed), with the one-click fix when
 * there is one: masking personal numbers the way kiosks would (src/privacy).
 */
import { guardCells, guardHtml, scanText } from '../../../src/privacy'
import type { NoticeTable } from '../../../src/feed/types'
import type { FeedAttachment, FeedItem, Finding } from '../api/publish'

export interface DraftForm {
  id?: string
  title: string
  category: string
  checklistItem: string
  /** YYYY-MM-DD (China) */
  startDay: string
  endDay: string
  pinned: boolean
  urgent: boolean
  html: string
  table: NoticeTable | null
  attachments: FeedAttachment[]
}

export function emptyForm(today: string, category: string): DraftForm {
  return { title: '', category, checklistItem: '', startDay: today, endDay: '', pinned: false, urgent: false, html: '', table: null, attachments: [] }
}

export function itemOf(f: DraftForm): FeedItem {
  const g: NonNullable<FeedItem['_gongkai']> = { category: f.category, pinned: f.pinned, urgent: f.urgent }
  if (f.checklistItem) g.checklist_item = f.checklistItem
  if (f.endDay) g.expires = `${f.endDay}T23:59:59+08:00`
  if (f.table) g.table = f.table
  // from the start of its first day (Beijing time): a notice composed for today at 07:00 shows today, not at 08:00
  const item: FeedItem = { title: f.title.trim(), content_html: f.html, date_published: `${f.startDay}T00:00:00+08:00`, _gongkai: g }
  if (f.id) item.id = f.id
  if (f.attachments.length) item.attachments = f.attachments
  return item
}

const day = (iso: string | undefined) => (iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10) : '')

export function formOf(item: FeedItem, fallbackCategory: string): DraftForm {
  const g = item._gongkai ?? {}
  return {
    id: item.id,
    title: item.title ?? '',
    category: g.category ?? fallbackCategory,
    checklistItem: g.checklist_item ?? '',
    startDay: day(item.date_published),
    endDay: day(g.expires),
    pinned: !!g.pinned,
    urgent: !!g.urgent,
    html: item.content_html ?? '',
    table: g.table ?? null,
    attachments: item.attachments ?? [],
  }
}

export type FormField = 'title' | 'body' | 'window' | 'checklist' | 'table' | 'attachments' | 'other'

export function fieldOf(f: Finding): FormField {
  const p = f.path.replace(/^items\[\d+\]\.?/, '')
  if (p === 'title') return 'title'
  if (p === 'html' || p === 'content_html' || p === 'text' || p === 'summary') return 'body'
  if (p.startsWith('_gongkai.expires') || p.startsWith('date_published')) return 'window'
  if (p.startsWith('_gongkai.checklist_item')) return 'checklist'
  if (p.startsWith('table') || p.startsWith('_gongkai.table')) return 'table'
  if (p.startsWith('attachments')) return 'attachments'
  return 'other'
}

/** The masked forms of what the privacy rule objects to in a field: shown beside it (never the raw number). */
export function maskedValues(form: DraftForm, field: FormField): string[] {
  if (field === 'title') return scanText(form.title).findings.map((x) => x.masked)
  if (field === 'body') return scanText(form.html.replace(/<[^>]*>/g, ' ')).findings.map((x) => x.masked)
  if (field === 'table' && form.table) return form.table.rows.flatMap((r) => r.cells.flatMap((c) => (typeof c === 'string' ? scanText(c).findings.map((x) => x.masked) : [])))
  return []
}

/** The one-click fix for a privacy finding: the field with every personal number masked. */
export function maskField(form: DraftForm, field: FormField): DraftForm {
  if (field === 'title') return { ...form, title: scanText(form.title).text }
  if (field === 'body') return { ...form, html: guardHtml(form.html).html }
  if (field === 'table' && form.table) return { ...form, table: { ...form.table, rows: form.table.rows.map((r) => ({ ...r, cells: guardCells(r.cells).cells })) } }
  if (field === 'attachments') return { ...form, attachments: form.attachments.map((a) => ({ ...a, title: scanText(a.title ?? '').text })) }
  return form
}
