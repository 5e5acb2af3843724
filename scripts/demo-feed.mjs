#!/usr/bin/env node
/**
 * Writes public/demo/feed.json from demo/feed.source.json with every notice date
 * moved by the days between the demo's anchor day and today, so the bundled demo
 * always has notices on display, ended and upcoming, whenever it is built.
 * The revision rises with the day, so a kiosk that saw yesterday's demo takes today's.
 * A notice's text is written from the same dates: wherever it names the day it
 * was published or ends ("11月24日至12月3日", "请于12月3日前"), that day moves
 * with the fields, so header and body never disagree.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const ANCHOR = '2026-11-27'
const DAY = 86_400_000

function shiftIso(iso, days) {
  // keep the wall-clock time and offset as written: shift the calendar date only
  const m = /^(\d{4}-\d{2}-\d{2})(.*)$/.exec(iso)
  const d = new Date(Date.parse(`${m[1]}T00:00:00Z`) + days * DAY)
  return d.toISOString().slice(0, 10) + m[2]
}

/** "2026-11-24…" → the day as the text writes it, and the same day moved */
const TEXT_DATE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/g
const TEXT_FIELDS = ['content_text', 'content_html', 'summary']

/** Moves, in the item's text, the days named by its own published and expires dates. */
function shiftTextDates(item, days) {
  const own = new Map()
  for (const iso of [item.date_published, item._gongkai?.expires]) {
    if (!iso) continue
    const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
    const to = new Date(Date.UTC(y, m - 1, d) + days * DAY)
    own.set(`${m}-${d}`, { year: y, to })
  }
  if (!own.size || !days) return
  const write = (text) =>
    text.replace(TEXT_DATE, (whole, y, m, d) => {
      const hit = own.get(`${Number(m)}-${Number(d)}`)
      if (!hit || (y && Number(y) !== hit.year)) return whole
      const t = hit.to
      // a year written stays written; a day that moves into another year says so
      const year = y || t.getUTCFullYear() !== hit.year ? `${t.getUTCFullYear()}年` : ''
      return `${year}${t.getUTCMonth() + 1}月${t.getUTCDate()}日`
    })
  for (const f of TEXT_FIELDS) if (typeof item[f] === 'string') item[f] = write(item[f])
}

export function shiftFeed(feed, days) {
  const out = structuredClone(feed)
  const g = out._gongkai
  g.generated_at = shiftIso(g.generated_at, days)
  g.revision = Math.max(1, g.revision + days)
  for (const item of out.items) {
    shiftTextDates(item, days)
    if (item.date_published) item.date_published = shiftIso(item.date_published, days)
    if (item.date_modified) item.date_modified = shiftIso(item.date_modified, days)
    if (item._gongkai?.expires) item._gongkai.expires = shiftIso(item._gongkai.expires, days)
  }
  return out
}

export function daysSinceAnchor(today = new Date()) {
  const local = new Date(today.getTime() - today.getTimezoneOffset() * 60_000).toISOString().slice(0, 10)
  return Math.round((Date.parse(local) - Date.parse(ANCHOR)) / DAY)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = JSON.parse(readFileSync(join(root, 'demo/feed.source.json'), 'utf8'))
  const days = process.env.GONGKAI_DEMO_SHIFT !== undefined ? Number(process.env.GONGKAI_DEMO_SHIFT) : Math.max(0, daysSinceAnchor())
  const out = join(root, 'public/demo/feed.json')
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, JSON.stringify(shiftFeed(source, days), null, 1))
  console.log(`demo feed: public/demo/feed.json (dates moved ${days} days)`)
}
