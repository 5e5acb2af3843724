/**
 * Everything supervision knows about one village, gathered in one place: its
 * checklist (the published feed's plus the items the village added), its work
 * calendar, and its disclosures — the uploaded ledger AND the township's
 * published notices linked to an item (src/compliance noticeDisclosures: a
 * township notice shown on the village's kiosk is a disclosure). The rules
 * that judge them are src/compliance's alone.
 */
import { noticeDisclosures, type DisclosureRecord, type WorkCalendar } from '../../../src/compliance'
import { normalizeFeed } from '../../../src/feed/normalize'
import type { ChecklistItem, FeedContent, Notice } from '../../../src/feed/types'
import type { FeedDocument } from '../../../src/feed/schema'
import { todayLocal } from '../../../src/compliance'
import type { Queryable } from '../db/db'

export interface VillageFacts {
  code: string
  name: string
  items: ChecklistItem[]
  /** village items apply from their activeFrom / creation day */
  activeFrom: Map<string, string>
  calendar: WorkCalendar
  disclosures: DisclosureRecord[]
}

// a published revision never changes: its parsed content is kept (bounded)
const contentCache = new Map<string, FeedContent>()

function contentOf(village: string, revision: number, bytes: Uint8Array): FeedContent | null {
  const key = `${village}#${revision}`
  const hit = contentCache.get(key)
  if (hit) return hit
  try {
    const doc = JSON.parse(new TextDecoder().decode(bytes)) as FeedDocument
    const content = normalizeFeed(doc, `https://console.invalid/feeds/${village}/feed.json`, village)
    if (contentCache.size > 5000) contentCache.clear()
    contentCache.set(key, content)
    return content
  } catch {
    return null
  }
}

const CHECKLIST_KEYS = ['id', 'category', 'title', 'content', 'basis', 'frequency', 'channels', 'owner', 'audience'] as const

export async function villageFacts(q: Queryable, villages: string[] | null): Promise<VillageFacts[]> {
  const vs = await q.query<{ code: string; name: string }>('SELECT code, name FROM villages WHERE ($1::text[] IS NULL OR code = ANY($1::text[])) ORDER BY code', [villages])
  const codes = vs.map((v) => v.code)
  const revisions = await q.query<{ village_code: string; revision: number; feed: Uint8Array }>(
    'SELECT village_code, revision, feed FROM revisions WHERE village_code = ANY($1::text[]) ORDER BY village_code, revision',
    [codes],
  )
  const ledger = await q.query<{ village_code: string; item_id: string; period_key: string; posted_on: string; taken_down_on: string | null }>(
    "SELECT village_code, item_id, period_key, posted_on, taken_down_on FROM clerk_records WHERE is_current AND NOT deleted AND kind = 'ledger' AND village_code = ANY($1::text[])",
    [codes],
  )
  const villageItems = await q.query<{ village_code: string; body: Record<string, unknown> }>(
    "SELECT village_code, body FROM clerk_records WHERE is_current AND NOT deleted AND kind = 'item' AND village_code = ANY($1::text[])",
    [codes],
  )
  return vs.map((v) => {
    const mine = revisions.filter((r) => r.village_code === v.code)
    const contents = mine.map((r) => contentOf(v.code, Number(r.revision), r.feed)).filter((c): c is FeedContent => !!c)
    const latest = contents[contents.length - 1]
    const items: ChecklistItem[] = [...(latest?.checklist ?? [])]
    const activeFrom = new Map<string, string>()
    for (const { body } of villageItems.filter((i) => i.village_code === v.code)) {
      if (body.retired === true || items.some((i) => i.id === body.id)) continue
      items.push(Object.fromEntries(CHECKLIST_KEYS.filter((k) => body[k] !== undefined).map((k) => [k, body[k]])) as unknown as ChecklistItem)
      const from = typeof body.activeFrom === 'string' && body.activeFrom ? body.activeFrom : typeof body.createdAt === 'string' ? todayLocal(new Date(body.createdAt)) : undefined
      if (from) activeFrom.set(body.id as string, from)
    }
    // every township notice any published revision showed, newest version of each
    const notices = new Map<string, Notice>()
    for (const c of contents) for (const n of c.notices) notices.set(n.id, n)
    const linked = new Map<string, Notice[]>()
    for (const n of notices.values()) if (n.checklistItem) linked.set(n.checklistItem, [...(linked.get(n.checklistItem) ?? []), n])
    const disclosures: DisclosureRecord[] = ledger
      .filter((r) => r.village_code === v.code)
      .map((r) => ({ itemId: r.item_id, periodKey: r.period_key, postedOn: r.posted_on, ...(r.taken_down_on ? { takenDownOn: r.taken_down_on } : {}), source: 'ledger' as const }))
    for (const item of items) disclosures.push(...noticeDisclosures(item, linked.get(item.id) ?? []))
    return { code: v.code, name: v.name, items, activeFrom, calendar: { holidays: latest?.holidays ?? [], workdays: latest?.workdays ?? [] }, disclosures }
  })
}
