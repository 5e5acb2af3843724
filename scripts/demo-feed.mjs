#!/usr/bin/env node
/**
 * Writes public/demo/feed.json from demo/feed.source.json with every notice date
 * moved by the days between the demo's anchor day and today, so the bundled demo
 * always has notices on display, ended and upcoming, whenever it is built.
 * The revision rises with the day, so a kiosk that saw yesterday's demo takes today's.
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

export function shiftFeed(feed, days) {
  const out = structuredClone(feed)
  const g = out._gongkai
  g.generated_at = shiftIso(g.generated_at, days)
  g.revision = Math.max(1, g.revision + days)
  for (const item of out.items) {
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
