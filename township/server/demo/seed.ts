/**
 * The demo township on a fresh database (unless TOWNSHIP_DEMO=0): 桂湾镇 with
 * 桐溪村, 石桥村 and 柳塘村, one signed revision each built from the demo feed
 * (the CLI's feedBytes, the township key), four kiosks with 90 days of
 * heartbeats (one silent, one behind, one with an error), and a year of
 * ledger records — mostly on time, some late, some missing.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dueDateOf, isPeriodic, recentPeriods } from '../../../src/compliance'
import { addDays } from '../../../src/compliance/days'
import type { ChecklistItem } from '../../../src/feed/types'
import { daysSinceAnchor, shiftFeed } from '../../../scripts/demo-feed.mjs'
import { audit, SYSTEM } from '../audit'
import { one } from '../db/db'
import type { Ctx } from '../context'
import { shanghaiDay } from '../days'
import { publishFeed } from '../feeds/publish'
import { enrolKiosk } from '../kiosks/routes'
import { zh, zhEn } from '../i18n'
import { msg } from '../../../src/i18n/message'

export const DEMO_TOWNSHIP = { code: '341000000', name: '桂湾镇', county: '潜岳县' }
export const DEMO_VILLAGES = [
  { code: '341000000001', name: '桐溪村', kiosks: ['村党群服务中心大厅 1 号屏', '村便民服务大厅 2 号屏'], onTime: 0.95 },
  { code: '341000000002', name: '石桥村', kiosks: ['村委会门口 1 号屏'], onTime: 0.8 },
  { code: '341000000003', name: '柳塘村', kiosks: ['村文化广场 1 号屏'], onTime: 0.55 },
]

const SOURCE = fileURLToPath(new URL('../../../demo/feed.source.json', import.meta.url))

/** a small deterministic random, so every fresh demo looks alike */
function rng(seed: number) {
  let s = seed
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
}

export async function seedDemo(ctx: Ctx): Promise<boolean> {
  if (await one(ctx.db, 'SELECT 1 FROM townships LIMIT 1')) return false
  const now = ctx.now()
  const today = shanghaiDay(now)
  const source = JSON.parse(readFileSync(SOURCE, 'utf8'))
  const shifted = shiftFeed(source, Math.max(0, daysSinceAnchor(now))) as Record<string, unknown> & { title: string; _gongkai: Record<string, unknown> & { village: Record<string, string>; checklist: ChecklistItem[] } }
  await ctx.db.query('INSERT INTO townships (code, name, county) VALUES ($1, $2, $3)', [DEMO_TOWNSHIP.code, DEMO_TOWNSHIP.name, DEMO_TOWNSHIP.county])
  const random = rng(14)
  let vi = 0
  for (const v of DEMO_VILLAGES) {
    vi++
    await ctx.db.query('INSERT INTO villages (code, township_code, name) VALUES ($1, $2, $3)', [v.code, DEMO_TOWNSHIP.code, v.name])
    const doc = structuredClone(shifted)
    doc.title = `${v.name} 村务公开`
    doc._gongkai.village = { ...doc._gongkai.village, code: v.code, name: v.name }
    const { revision } = await publishFeed(ctx.db, ctx.signer, { village: v.code, document: doc, userId: null, now })
    const kioskIds: string[] = []
    for (const place of v.kiosks) kioskIds.push((await enrolKiosk(ctx, ctx.db, { villageCode: v.code, place, userId: null })).kiosk.id)
    let ki = 0
    for (const id of kioskIds) {
      ki++
      // the last kiosk of 石桥村 went silent three hours ago; 柳塘村's is a revision behind and reports an error
      const silent = vi === 2 && ki === kioskIds.length
      const behind = vi === 3
      const endMinutes = silent ? 180 : 2 + ki
      await ctx.db.query(
        `INSERT INTO heartbeats (kiosk_id, id, received_at, created_at, app_version, content_revision, last_error, storage_used, storage_quota, clock_ok, raw)
         SELECT $1, 'demo-' || to_char(t, 'YYYYMMDDHH24MI'), t, t, '0.1.0', $2::int, NULL, 48000000 + (extract(epoch FROM t)::bigint % 1000) * 1000, 2000000000, true,
                jsonb_build_object('format', 1, 'id', 'demo-' || to_char(t, 'YYYYMMDDHH24MI'), 'kioskId', $1::text, 'appVersion', '0.1.0', 'contentRevision', $2::int, 'createdAt', t, 'clockOk', true)
           FROM generate_series($3::timestamptz - interval '90 days', $3::timestamptz - make_interval(mins => $4::int), interval '10 minutes') AS t
          -- evenings off: the hall closes from 21:00 to 07:00 China time, except the last six hours, so a demo
          -- started at night still shows kiosks up (and one silent) as by day
          WHERE extract(hour FROM t AT TIME ZONE 'Asia/Shanghai') BETWEEN 7 AND 20 OR t > $3::timestamptz - interval '6 hours'`,
        [id, behind ? revision - 1 : revision, now, endMinutes],
      )
      // what a kiosk that cannot reach the feed server reports (heartbeat format 1: its sync error's code, worded from sync.json)
      const err = behind ? { code: 'network', ...zhEn(msg('sync.error.network')), at: new Date(now.getTime() - 20 * 60_000).toISOString() } : null
      if (err) await ctx.db.query('UPDATE heartbeats SET last_error = $2 WHERE kiosk_id = $1 AND received_at > $3', [id, JSON.stringify(err), new Date(now.getTime() - 6 * 3600_000)])
      await ctx.db.query(
        `INSERT INTO kiosk_latest (kiosk_id, heartbeat_id, received_at, created_at, app_version, content_revision, last_error, storage_used, storage_quota, clock_ok)
         SELECT kiosk_id, id, received_at, created_at, app_version, content_revision, last_error, storage_used, storage_quota, clock_ok
           FROM heartbeats WHERE kiosk_id = $1 ORDER BY received_at DESC LIMIT 1`,
        [id],
      )
      await ctx.db.query(
        `INSERT INTO heartbeat_daily (kiosk_id, day, first_seen, last_seen, beats, minutes_online, revisions, error_count)
         SELECT kiosk_id, (received_at AT TIME ZONE 'Asia/Shanghai')::date, min(received_at), max(received_at), count(*), least(1440, count(*) * 10),
                array_agg(DISTINCT content_revision) FILTER (WHERE content_revision IS NOT NULL), count(last_error)
           FROM heartbeats WHERE kiosk_id = $1 GROUP BY 1, 2`,
        [id],
      )
    }
    // a year of ledger for the periodic items, posted by the first kiosk
    let n = 0
    for (const item of shifted._gongkai.checklist) {
      if (!isPeriodic(item.frequency)) continue
      const count = { monthly: 12, quarterly: 4, semiannual: 2, yearly: 1 }[item.frequency.type]
      for (const p of recentPeriods(item.frequency.type, today, count)) {
        const due = dueDateOf(item.frequency, p)!
        const roll = random()
        if (roll > v.onTime + (1 - v.onTime) / 2) continue // missing
        const postedOn = roll < v.onTime ? addDays(due, -1 - Math.floor(random() * 5)) : addDays(due, 3 + Math.floor(random() * 10))
        if (postedOn > today) continue
        n++
        const at = `${postedOn}T02:00:00.000Z`
        const record = {
          id: `ledger-demo-${v.code.slice(-3)}-${n}`,
          itemId: item.id,
          periodKey: p.key,
          periodLabel: zh(p.label),
          postedOn,
          places: ['board', 'screen'],
          takenDownOn: '',
          postedBy: '村务监督委员会',
          reviewer: '',
          reviewedOn: '',
          reviewOpinion: '',
          note: '',
          photoIds: [],
          questions: [],
          createdAt: at,
          updatedAt: at,
          version: 1,
        }
        await ctx.db.query(
          `INSERT INTO clerk_records (village_code, kind, record_id, version, kiosk_id, body, item_id, period_key, posted_on, received_at) VALUES ($1, 'ledger', $2, 1, $3, $4, $5, $6, $7, $8)`,
          [v.code, record.id, kioskIds[0], JSON.stringify(record), item.id, p.key, postedOn, at],
        )
      }
    }
  }
  await audit(ctx.db, SYSTEM, 'demo.seeded', `township:${DEMO_TOWNSHIP.code}`, { villages: DEMO_VILLAGES.length })
  return true
}
