/**
 * Clerk uploads against the real township console (township/server, PGlite in
 * a temp folder; docs/township-api.md): a kiosk enrolled through the console's
 * API records two disclosures with photos while offline, goes online, and both
 * arrive at the console once, photos byte-identical; the clerk's ledger says
 * 已上传. With the console down, a third record shows why it waits and stays
 * queued across a killed browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { launchPersistent, tempProfile } from './support/browser'
import { startKioskServer, type KioskServer } from './support/kioskServer'
import { startTownshipServer, type TownshipServer } from './support/townshipServer'
import { screenshot } from './support/kiosk'
import { enterPin as pinPad, storeCount } from './support/clerkSteps'
import { cutPower } from './support/powerCut'

const PIN = '975310'
const VILLAGE = '341000000001' // 桐溪村 in the console's demo township and in the kiosk's demo feed
let township: TownshipServer
let kiosk: KioskServer
let profile: ReturnType<typeof tempProfile>
let context: BrowserContext
let page: Page
let jar: { cookie: string; csrf: string }

async function api<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T; bytes: Buffer }> {
  const headers = new Headers(init.headers)
  if (jar) headers.set('cookie', jar.cookie)
  if (jar && init.method && init.method !== 'GET') headers.set('x-csrf-token', jar.csrf)
  if (init.body) headers.set('content-type', 'application/json')
  const res = await fetch(`${township.url}${path}`, { ...init, headers })
  const bytes = Buffer.from(await res.arrayBuffer())
  let body: unknown = null
  try {
    body = JSON.parse(bytes.toString('utf8'))
  } catch {
    // bytes (a photo)
  }
  return { status: res.status, body: body as T, bytes }
}

async function open() {
  context = await launchPersistent(profile.dir)
  page = context.pages()[0] ?? (await context.newPage())
}

beforeAll(async () => {
  township = await startTownshipServer()
  const token = new URL(township.setupLink!.replace('#/', '')).searchParams.get('token')
  const setup = await fetch(`${township.url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ setupToken: token, username: 'admin', displayName: '管理员', password: 'correct horse battery 9' }) })
  expect(setup.status).toBe(201)
  jar = { cookie: /gk_session=[^;]+/.exec(setup.headers.get('set-cookie') ?? '')![0], csrf: ((await setup.json()) as { csrfToken: string }).csrfToken }
  const enrolled = await api<{ config: Record<string, string> }>('/api/kiosks', { method: 'POST', body: JSON.stringify({ villageCode: VILLAGE, place: '村便民服务大厅 3 号屏' }) })
  expect(enrolled.status).toBe(201)
  const c = enrolled.body.config
  // the enrolment config's upload address, token and ids; content from the kiosk's own demo feed
  kiosk = await startKioskServer({ config: { feedUrl: 'demo/feed.json', clerkUploadUrl: c.clerkUploadUrl, kioskToken: c.kioskToken, kioskId: c.kioskId, villageCode: c.villageCode } })
  profile = tempProfile()
  await open()
}, 180_000)

afterAll(async () => {
  await context?.close().catch(() => {})
  await kiosk?.close()
  await township?.close()
  profile?.remove()
})

async function makePng(color: string): Promise<Buffer> {
  const bytes = await page.evaluate(async (fill) => {
    const c = new OffscreenCanvas(1200, 900)
    const g = c.getContext('2d')!
    g.fillStyle = fill
    g.fillRect(0, 0, 1200, 900)
    // noise in a band: the PNG is well over one 256 KB part, so it goes up in several
    const noise = g.createImageData(1200, 200)
    for (let i = 0; i < noise.data.length; i++) noise.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256)
    g.putImageData(noise, 0, 300)
    return Array.from(new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer()))
  }, color)
  return Buffer.from(bytes)
}

async function recordDisclosure(postedBy: string, color: string) {
  await page.getByTestId('clerk-nav-ledger').tap()
  await page.getByTestId('ledger-new').tap()
  await page.getByTestId('ledger-item').selectOption({ index: 1 })
  if (await page.getByTestId('ledger-period-choice').isVisible()) await page.getByTestId('ledger-period-choice').selectOption({ index: 1 })
  await page.getByTestId('ledger-period').fill('2026年10月')
  await page.getByTestId('ledger-posted-by').fill(postedBy)
  await page.getByTestId('photo-input').setInputFiles({ name: `${postedBy}.png`, mimeType: 'image/png', buffer: await makePng(color) })
  await page.getByTestId('pending-photo').waitFor()
  await page.getByTestId('ledger-save').tap()
  await page.getByTestId('ledger-row').first().waitFor()
}

/** the kiosk's ledger rows and photos as stored: id, postedBy, photo bytes (base64) */
function storedOnKiosk(): Promise<{ id: string; postedBy: string; photos: { sha256: string; b64: string }[] }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open('gongkai')
      r.onsuccess = () => res(r.result)
    })
    const all = (s: string) => new Promise<Record<string, unknown>[]>((res) => {
      const r = db.transaction(s).objectStore(s).getAll()
      r.onsuccess = () => res(r.result)
    })
    const photos = new Map((await all('photos')).map((p) => [p.id as string, p.blob as Blob]))
    const out = []
    for (const l of await all('ledger')) {
      const ps = []
      for (const id of l.photoIds as string[]) {
        const bytes = new Uint8Array(await photos.get(id)!.arrayBuffer())
        const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
        let bin = ''
        for (const b of bytes) bin += String.fromCharCode(b)
        ps.push({ sha256: Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join(''), b64: btoa(bin) })
      }
      out.push({ id: l.id as string, postedBy: l.postedBy as string, photos: ps })
    }
    db.close()
    return out
  })
}

const outboxCount = () => storeCount(page, 'outbox')

const states = () => page.getByTestId('upload-state').allTextContents()

describe('clerk uploads to the township console', () => {
  it('two records with photos made offline arrive once, photos byte-identical, and show 已上传', async () => {
    await page.goto(`${kiosk.url}#/clerk`)
    await page.getByTestId('pin-pad').waitFor({ timeout: 30_000 })
    await pinPad(page, PIN)
    await pinPad(page, PIN)
    await page.getByTestId('clerk-nav-ledger').waitFor()

    await context.setOffline(true)
    await recordDisclosure('王文书', '#a3201b')
    await recordDisclosure('李会计', '#1f4fbf')
    await expect.poll(states).toHaveLength(2)
    await expect.poll(async () => (await states()).every((s) => s.includes('等待上传') && s.includes('本机没有联网'))).toBe(true)
    await screenshot(page, 'clerk-upload-offline')
    expect(await outboxCount()).toBe(2)

    await context.setOffline(false)
    await expect.poll(states, { timeout: 60_000 }).toEqual(['已上传', '已上传'])
    await screenshot(page, 'clerk-upload-done')
    expect(await outboxCount()).toBe(0)

    const mine = await storedOnKiosk()
    const ledger = await api<{ records: { id: string; postedBy: string; kioskId: string; photos: { sha256: string; size: number; type: string }[] }[] }>(`/api/villages/${VILLAGE}/ledger?page=1`)
    expect(ledger.status).toBe(200)
    for (const m of mine) {
      const there = ledger.body.records.filter((r) => r.id === m.id)
      expect(there).toHaveLength(1)
      expect(there[0]!.postedBy).toBe(m.postedBy)
      expect(there[0]!.photos.map((p) => p.sha256)).toEqual(m.photos.map((p) => p.sha256))
      for (const p of m.photos) {
        expect(Buffer.from(p.b64, 'base64').length).toBeGreaterThan(256 * 1024)
        const got = await api(`/api/photos/${p.sha256}`)
        expect(got.status).toBe(200)
        expect(got.bytes.equals(Buffer.from(p.b64, 'base64'))).toBe(true)
      }
    }
    // stored once each: one ingest per record in the console's audit log
    const audit = await api<{ entries: { target: string }[] }>('/api/audit?action=ingest.record')
    for (const m of mine) expect(audit.body.entries.filter((e) => e.target === `ledger:${m.id}`)).toHaveLength(1)
  })

  it('with the console down the reason is shown, and the record stays queued across a browser kill', async () => {
    await township.close()
    await recordDisclosure('赵出纳', '#1d6b36')
    await expect.poll(async () => (await states()).filter((s) => s.includes('等待上传')), { timeout: 60_000 }).toEqual([expect.stringContaining('连不上乡镇平台')])
    await screenshot(page, 'clerk-upload-console-down')
    expect(await outboxCount()).toBe(1)

    await cutPower(context, profile.dir)
    await open()
    await page.goto(`${kiosk.url}#/clerk`)
    await page.getByTestId('pin-pad').waitFor({ timeout: 30_000 })
    await pinPad(page, PIN)
    await page.getByTestId('clerk-nav-ledger').tap()
    await expect.poll(states, { timeout: 30_000 }).toHaveLength(3)
    const after = await states()
    expect(after.filter((s) => s === '已上传')).toHaveLength(2)
    expect(after.filter((s) => s.includes('等待上传') && s.includes('连不上乡镇平台'))).toHaveLength(1)
    expect(await outboxCount()).toBe(1)
  })
})
