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

/**
 * The facts of these villages (null: all). Each village's facts are kept in
 * memory until its data changes — a new revision or a new clerk record —
 * which one indexed query per request tells (so several console processes
 * stay right without talking to each other).
 */
export async function villageFacts(q: Queryable, villages: string[] | null): Promise<VillageFacts[]> {
  const vs = await q.query<{ code: string; name: string; rev: number | null; rec: Date | null }>(
    `SELECT v.code, v.name,
            (SELECT max(revision) FROM revisions r WHERE r.village_code = v.code) AS rev,
            (SELECT max(received_at) FROM clerk_records c WHERE c.village_code = v.code) AS rec
       FROM villages v WHERE ($1::text[] IS NULL OR v.code = ANY($1::text[])) ORDER BY v.code`,
    [villages],
  )
  const versionOf = (v: (typeof vs)[number]) => `${v.name}|${v.rev ?? 0}|${v.rec ? new Date(v.rec).getTime() : 0}`
  const stale = vs.filter((v) => factsCache.get(v.code)?.version !== versionOf(v))
  if (stale.length) {
    const fresh = await loadFacts(q, stale)
    if (factsCache.size > 20_000) factsCache.clear()
    for (const v of stale) factsCache.set(v.code, { version: versionOf(v), facts: fresh.get(v.code)! })
  }
  return vs.map((v) => factsCache.get(v.code)!.facts)
}

const factsCache = new Map<string, { version: string; facts: VillageFacts }>()

async function loadFacts(q: Queryable, vs: { code: string; name: string }[]): Promise<Map<string, VillageFacts>> {
  const codes = vs.map((v) => v.code)
  const revisionList = await q.query<{ village_code: string; revision: number }>(
    'SELECT village_code, revision FROM revisions WHERE village_code = ANY($1::text[]) ORDER BY village_code, revision',
    [codes],
  )
  // only the feeds not parsed before are read (a published revision never changes)
  const missing = revisionList.filter((r) => !contentCache.has(`${r.village_code}#${Number(r.revision)}`))
  for (let i = 0; i < missing.length; i += 50) {
    const part = missing.slice(i, i + 50)
    const rows = await q.query<{ village_code: string; revision: number; feed: Uint8Array }>(
      'SELECT village_code, revision, feed FROM revisions WHERE (village_code, revision) IN (SELECT * FROM unnest($1::text[], $2::int[]))',
      [part.map((r) => r.village_code), part.map((r) => Number(r.revision))],
    )
    for (const r of rows) contentOf(r.village_code, Number(r.revision), r.feed)
  }
  const revisions = revisionList.map((r) => ({ village_code: r.village_code, content: contentCache.get(`${r.village_code}#${Number(r.revision)}`) ?? null }))
  const ledger = await q.query<{ village_code: string; item_id: string; period_key: string; posted_on: string; taken_down_on: string | null }>(
    "SELECT village_code, item_id, period_key, posted_on, taken_down_on FROM clerk_records WHERE is_current AND NOT deleted AND kind = 'ledger' AND village_code = ANY($1::text[])",
    [codes],
  )
  const villageItems = await q.query<{ village_code: string; body: Record<string, unknown> }>(
    "SELECT village_code, body FROM clerk_records WHERE is_current AND NOT deleted AND kind = 'item' AND village_code = ANY($1::text[])",
    [codes],
  )
  const ledgerOf = groupBy(ledger, (r) => r.village_code)
  const itemsOf = groupBy(villageItems, (r) => r.village_code)
  const revisionsOf = groupBy(revisions, (r) => r.village_code)
  const out = new Map<string, VillageFacts>()
  for (const v of vs) {
    const contents = (revisionsOf.get(v.code) ?? []).map((r) => r.content).filter((c): c is FeedContent => !!c)
    const latest = contents[contents.length - 1]
    const items: ChecklistItem[] = [...(latest?.checklist ?? [])]
    const activeFrom = new Map<string, string>()
    for (const { body } of itemsOf.get(v.code) ?? []) {
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
    const disclosures: DisclosureRecord[] = (ledgerOf.get(v.code) ?? []).map((r) => ({
      itemId: r.item_id,
      periodKey: r.period_key,
      postedOn: r.posted_on,
      ...(r.taken_down_on ? { takenDownOn: r.taken_down_on } : {}),
      source: 'ledger' as const,
    }))
    for (const item of items) disclosures.push(...noticeDisclosures(item, linked.get(item.id) ?? []))
    out.set(v.code, { code: v.code, name: v.name, items, activeFrom, calendar: { holidays: latest?.holidays ?? [], workdays: latest?.workdays ?? [] }, disclosures })
  }
  return out
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>()
  for (const r of rows) {
    const list = m.get(key(r))
    if (list) list.push(r)
    else m.set(key(r), [r])
  }
  return m
}
