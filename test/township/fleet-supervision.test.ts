import { createHash, randomBytes } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ed25519Verify, parsePublicKey, parseSignature } from '../../src/sync/verifySignature'
import { shanghaiDay } from '../../township/server/days'
import { DEMO_VILLAGES } from '../../township/server/demo/seed'
import { publishFeed } from '../../township/server/feeds/publish'
import { enrol, ENGINE, errorOf, heartbeat, startHarness, type Harness, type Jar } from './support'

const TONGXI = DEMO_VILLAGES[0]!.code
const LIUTANG = DEMO_VILLAGES[2]!.code

interface FleetKiosk {
  id: string
  villageCode: string
  contentRevision: number | null
  latestRevision: number | null
  lastError: { code: string; zh: string } | null
  flags: string[]
}
interface SupItem {
  itemId: string
  state: string
  disclosedBy: string | null
  period: { key: string } | null
  due: string | null
  lastPostedOn: string | null
}
interface SupVillage {
  code: string
  onTimeRate: number | null
  rank: number
  items: SupItem[]
}

describe(`fleet, feeds and supervision on the demo township (${ENGINE})`, () => {
  let h: Harness
  let admin: Jar
  const today = shanghaiDay(new Date())
  beforeAll(async () => {
    h = await startHarness({ demo: true })
    admin = await h.admin()
  }, 120_000)
  afterAll(() => h.close(), 60_000)

  it('the demo has 桂湾镇 with 3 villages, kiosks and 90 days of history', async () => {
    const villages = (await (await h.req('/api/villages', { jar: admin })).json()) as { name: string; township: string }[]
    expect(villages.map((v) => v.name)).toEqual(['桐溪村', '石桥村', '柳塘村'])
    expect(villages.every((v) => v.township === '桂湾镇')).toBe(true)
    expect(await h.count('heartbeat_daily')).toBeGreaterThan(4 * 85)
  })

  it('fleet: the silent, behind and error kiosks are flagged and the filters pick them', async () => {
    const all = ((await (await h.req('/api/fleet', { jar: admin })).json()) as { kiosks: FleetKiosk[] }).kiosks
    expect(all).toHaveLength(4)
    const silent = ((await (await h.req('/api/fleet?filter=silent', { jar: admin })).json()) as { kiosks: FleetKiosk[] }).kiosks
    expect(silent.map((k) => k.villageCode)).toEqual([DEMO_VILLAGES[1]!.code])
    const behind = ((await (await h.req('/api/fleet?filter=behind', { jar: admin })).json()) as { kiosks: FleetKiosk[] }).kiosks
    expect(behind).toHaveLength(1)
    expect(behind[0]!.contentRevision).toBe(behind[0]!.latestRevision! - 1)
    const errors = ((await (await h.req('/api/fleet?filter=error', { jar: admin })).json()) as { kiosks: FleetKiosk[] }).kiosks
    expect(errors.map((k) => k.lastError?.code)).toEqual(['network'])
    // in the kiosk's own words for that code (sync.json), as a real kiosk sends them
    expect(errors[0]!.lastError?.zh).toBe('无法连接内容服务器')
    expect(all.filter((k) => k.flags.length === 0)).toHaveLength(2)
    expect((await errorOf(await h.req('/api/fleet?filter=broken', { jar: admin }))).code).toBe('input.invalid')
    const history = (await (await h.req(`/api/fleet/${all[0]!.id}/history?days=30`, { jar: admin })).json()) as { days: { day: string; minutesOnline: number; revisions: number[] }[] }
    expect(history.days).toHaveLength(30)
    expect(history.days.at(-1)!.day).toBe(today)
    expect(history.days.slice(0, -1).every((d) => d.minutesOnline > 600)).toBe(true)
  })

  it('a heartbeat on the latest revision clears "behind"; a wrong clock flags "clock"', async () => {
    const k = await enrol(h, admin, LIUTANG, '村委会 2 号屏')
    const latest = ((await (await h.req('/api/fleet', { jar: admin })).json()) as { kiosks: FleetKiosk[] }).kiosks.find((x) => x.id === k.kiosk.id)!.latestRevision
    const send = (over: Record<string, unknown>) => h.req('/api/kiosk/heartbeat', { method: 'POST', body: JSON.stringify({ ...heartbeat(k.kiosk.id, over), token: k.config.kioskToken }) })
    expect((await send({ contentRevision: latest, clockOk: false })).status).toBe(204)
    const mine = ((await (await h.req('/api/fleet', { jar: admin })).json()) as { kiosks: FleetKiosk[] }).kiosks.find((x) => x.id === k.kiosk.id)!
    expect(mine.flags).toEqual(['clock'])
  })

  it('published feeds: signed with the key in the kiosk config, ETag/304, gzip', async () => {
    const k = await enrol(h, admin, TONGXI, '测试屏')
    const res = await h.req(`/feeds/${TONGXI}/feed.json`)
    expect(res.status).toBe(200)
    const bytes = new Uint8Array(await res.arrayBuffer())
    const sig = new Uint8Array(await (await h.req(`/feeds/${TONGXI}/feed.json.sig`)).arrayBuffer())
    expect(await ed25519Verify(parseSignature(sig)!, bytes, parsePublicKey(k.config.publicKey)!)).toBe(true)
    const etag = res.headers.get('etag')!
    expect(etag).toBe(`"${createHash('sha256').update(bytes).digest('hex')}"`)
    expect(res.headers.get('last-modified')).toBeTruthy()
    expect((await h.req(`/feeds/${TONGXI}/feed.json`, { headers: { 'if-none-match': etag } })).status).toBe(304)
    const gz = await h.req(`/feeds/${TONGXI}/feed.json`, { headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(Buffer.from(gunzipSync(Buffer.from(await gz.arrayBuffer()))).equals(Buffer.from(bytes))).toBe(true)
    expect(JSON.parse(new TextDecoder().decode(bytes))._gongkai.village.name).toBe('桐溪村')
  })

  it('revision numbers only rise: publishing one not above the latest is refused and changes nothing', async () => {
    const feed = JSON.parse(new TextDecoder().decode(new Uint8Array(await (await h.req(`/feeds/${TONGXI}/feed.json`)).arrayBuffer())))
    const before = await h.count('revisions')
    await expect(publishFeed(h.ctx.db, h.ctx.signer, { village: TONGXI, document: feed, now: new Date() })).rejects.toMatchObject({ code: 'revision.not_higher' })
    const broken = { ...feed, _gongkai: { ...feed._gongkai, revision: feed._gongkai.revision + 1 }, items: [{ id: 'x' }] }
    await expect(publishFeed(h.ctx.db, h.ctx.signer, { village: TONGXI, document: broken, now: new Date() })).rejects.toMatchObject({ code: 'feed.invalid' })
    expect(await h.count('revisions')).toBe(before)
  })

  it('supervision: states from src/compliance, villages ranked by on-time rate, the worse village last', async () => {
    const sup = (await (await h.req(`/api/supervision?asOf=${today}`, { jar: admin })).json()) as { asOf: string; villages: SupVillage[] }
    expect(sup.villages).toHaveLength(3)
    const byCode = new Map(sup.villages.map((v) => [v.code, v]))
    expect(byCode.get(TONGXI)!.rank).toBe(1)
    expect(byCode.get(LIUTANG)!.rank).toBe(3)
    expect(byCode.get(TONGXI)!.onTimeRate!).toBeGreaterThan(byCode.get(LIUTANG)!.onTimeRate!)
    const states = new Set(sup.villages.flatMap((v) => v.items.map((i) => i.state)))
    for (const s of states) expect(['done', 'due_soon', 'overdue', 'pending', 'not_applicable']).toContain(s)
    // township notices linked to items count as disclosures
    expect(sup.villages.some((v) => v.items.some((i) => i.disclosedBy === 'township'))).toBe(true)
    expect((await errorOf(await h.req('/api/supervision?asOf=2026-02-30x', { jar: admin }))).code).toBe('input.invalid')
  })

  it('a village item and a ledger record with a photo uploaded from a kiosk: the item turns 按时 (done, by ledger)', async () => {
    const k = await enrol(h, admin, LIUTANG, '财务屏')
    const upload = (kind: string, record: { id: string; version: number }, photos: unknown[] = []) =>
      h.req('/api/kiosk/records', {
        method: 'POST',
        json: { kind, id: record.id, version: record.version, deleted: false, kioskId: k.kiosk.id, villageCode: LIUTANG, record, photos },
        headers: { authorization: `Bearer ${k.config.kioskToken}`, 'idempotency-key': `${kind}:${record.id}:${record.version}` },
      })
    // a monthly item the village added, applying from the first day of last month: last month is its first period
    const at = new Date().toISOString()
    const lastMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1)).toISOString().slice(0, 10)
    const item = { id: 'V-CF-09', category: 'finance', title: '村集体经济项目收支', content: '', basis: '', frequency: { type: 'monthly' }, channels: ['村务公开栏'], owner: '村委会', audience: '', retired: false, retiredAt: '', activeFrom: lastMonth, createdAt: at, updatedAt: at, version: 1 }
    expect((await upload('item', item)).status).toBe(200)
    const find = async () => ((await (await h.req(`/api/supervision?asOf=${today}`, { jar: admin })).json()) as { villages: SupVillage[] }).villages.find((v) => v.code === LIUTANG)!.items.find((i) => i.itemId === 'V-CF-09')!
    const before = await find()
    expect(before.period!.key).toBe(lastMonth.slice(0, 7))
    expect(before.state).not.toBe('done')
    const photo = randomBytes(2000)
    const hash = createHash('sha256').update(photo).digest('hex')
    await h.req(`/api/kiosk/photos/${hash}?offset=0&total=${photo.length}`, { method: 'PUT', body: photo as unknown as BodyInit, headers: { authorization: `Bearer ${k.config.kioskToken}` } })
    const record = { id: 'ledger-e2e-1', itemId: 'V-CF-09', periodKey: before.period!.key, periodLabel: before.period!.key, postedOn: today, places: ['board'], takenDownOn: '', postedBy: '会计', reviewer: '', reviewedOn: '', reviewOpinion: '', note: '', photoIds: ['p1'], questions: [], createdAt: at, updatedAt: at, version: 1 }
    expect((await upload('ledger', record, [{ id: 'p1', sha256: hash, size: photo.length, type: 'image/png' }])).status).toBe(200)
    const after = await find()
    expect(after.state).toBe('done')
    expect(after.disclosedBy).toBe('ledger')
    expect(after.lastPostedOn).toBe(today)
    const ledger = (await (await h.req(`/api/villages/${LIUTANG}/ledger`, { jar: admin })).json()) as { records: { id: string; itemTitle: string; photos: { sha256: string }[] }[] }
    const mine = ledger.records.find((r) => r.id === 'ledger-e2e-1')!
    expect(mine.itemTitle).toBe('村集体经济项目收支')
    expect(mine.photos[0]!.sha256).toBe(hash)
    expect((await h.req(`/api/photos/${hash}`, { jar: admin })).headers.get('content-type')).toBe('image/png')
  })

  it('周提醒 lists what falls due in the next 7 days', async () => {
    const w = (await (await h.req(`/api/supervision/weekly?asOf=${today}`, { jar: admin })).json()) as { from: string; to: string; villages: { items: { due: string; state: string }[] }[] }
    expect(w.from).toBe(today)
    for (const v of w.villages) for (const i of v.items) if (i.state !== 'overdue') expect(i.due <= w.to).toBe(true)
  })

  it('month/quarter/year reports as JSON and as .xlsx; a bad period key is refused', async () => {
    const month = today.slice(0, 7)
    const r = (await (await h.req(`/api/reports/year/${today.slice(0, 4)}`, { jar: admin })).json()) as { period: { key: string }; villages: { code: string; due: number; onTime: number; late: number; missing: number; rate: number | null }[] }
    expect(r.villages).toHaveLength(3)
    for (const v of r.villages) expect(v.onTime + v.late + v.missing).toBe(v.due)
    expect(r.villages.find((v) => v.code === TONGXI)!.rate!).toBeGreaterThan(r.villages.find((v) => v.code === LIUTANG)!.rate!)
    expect((await h.req(`/api/reports/month/${month}`, { jar: admin })).status).toBe(200)
    const q = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`
    expect((await h.req(`/api/reports/quarter/${q}`, { jar: admin })).status).toBe(200)
    const x = await h.req(`/api/reports/year/${today.slice(0, 4)}.xlsx`, { jar: admin })
    expect(x.headers.get('content-type')).toMatch(/spreadsheetml/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await x.arrayBuffer()) as ArrayBuffer)
    const rows = wb.getWorksheet(1)!.getSheetValues().filter(Boolean) as unknown[][]
    expect(rows.some((row) => row.includes('柳塘村'))).toBe(true)
    expect(rows.some((row) => row.includes('按时 On time'))).toBe(true)
    expect((await errorOf(await h.req('/api/reports/month/2026-Q4', { jar: admin }))).code).toBe('report.bad_period')
  })
})

describe(`the demo township started at night (${ENGINE})`, () => {
  let h: Harness
  let admin: Jar
  // 23:30 in Shanghai: the demo hall closes at 21:00, yet a demo started now must look as by day
  const NIGHT = new Date('2026-12-02T15:30:00Z')
  beforeAll(async () => {
    h = await startHarness({ demo: true, now: () => NIGHT })
    admin = await h.admin()
  }, 120_000)
  afterAll(() => h.close(), 60_000)

  it('only 石桥村\'s last kiosk is silent, and 柳塘村\'s still reports its error', async () => {
    const silent = ((await (await h.req('/api/fleet?filter=silent', { jar: admin })).json()) as { kiosks: FleetKiosk[] }).kiosks
    expect(silent.map((k) => k.villageCode)).toEqual([DEMO_VILLAGES[1]!.code])
    const errors = ((await (await h.req('/api/fleet?filter=error', { jar: admin })).json()) as { kiosks: FleetKiosk[] }).kiosks
    expect(errors.map((k) => k.villageCode)).toEqual([LIUTANG])
  })
})
