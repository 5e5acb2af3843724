/**
 * Clerk mode end to end, on one kiosk profile on disk: set a PIN (reached by
 * the 5-second press), record a disclosure with a photo, leave a second one
 * half-typed, KILL the browser, and find both after the restart. Then a local
 * notice with an ID number shows masked to residents; export → clear all site
 * data → import gives the identical village layer; five wrong PINs lock clerk
 * mode and the lock survives a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { LANDSCAPE, PORTRAIT, launchPersistent, tempProfile } from './support/browser'
import { startKioskServer, type KioskServer } from './support/kioskServer'
import { screenshot } from './support/kiosk'
import { cutPower } from './support/powerCut'

const PIN = '246813'
const RAW_ID = '11010519491231002X'
let server: KioskServer
let profile: ReturnType<typeof tempProfile>
let context: BrowserContext
let page: Page

async function open() {
  context = await launchPersistent(profile.dir)
  page = context.pages()[0] ?? (await context.newPage())
  if (process.env.CLERK_E2E_DEBUG) page.on('console', (m) => console.log('[page]', m.type(), m.text()))
}

beforeAll(async () => {
  // the shipped demo config, plus an upload URL but no kiosk token: records queue and say why
  server = await startKioskServer({ config: { feedUrl: 'demo/feed.json', clerkUploadUrl: 'upload' } })
  server.setRoute('/upload', 500)
  profile = tempProfile()
  await open()
})

afterAll(async () => {
  await context?.close().catch(() => {})
  await server?.close()
  profile?.remove()
})

/** kill -9 to the whole browser, like a power cut (support/powerCut.ts) */
const killBrowser = () => cutPower(context, profile.dir)

async function enterPin(pin: string) {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).tap()
  await page.getByTestId('pin-ok').tap()
}

async function unlock() {
  await page.goto(`${server.url}#/clerk`)
  await page.getByTestId('pin-pad').waitFor()
  await enterPin(PIN)
  await page.getByTestId('clerk-nav-ledger').waitFor()
}

/** The village layer straight from IndexedDB, canonical: sorted ids and keys, photos as SHA-256. */
function dumpLayer(): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('gongkai')
      // never create it: an empty database made here before the app's own open would lack its stores
      r.onupgradeneeded = () => r.transaction?.abort()
      r.onsuccess = () => res(r.result)
      r.onerror = () => rej(r.error)
    })
    const all = (store: string) =>
      new Promise<Record<string, unknown>[]>((res, rej) => {
        const r = db.transaction(store).objectStore(store).getAll()
        r.onsuccess = () => res(r.result)
        r.onerror = () => rej(r.error)
      })
    const stable = (v: unknown): string =>
      Array.isArray(v) ? `[${v.map(stable).join(',')}]` : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}` : JSON.stringify(v)
    const byId = (a: Record<string, unknown>[]) => a.sort((x, y) => String(x.id).localeCompare(String(y.id)))
    const photos = await Promise.all(
      byId(await all('photos')).map(async ({ blob, ...meta }) => {
        const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', await (blob as Blob).arrayBuffer()))
        return { ...meta, size: (blob as Blob).size, sha256: Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('') }
      }),
    )
    const out = stable({ items: byId(await all('clerkItems')), ledger: byId(await all('ledger')), notices: byId(await all('localNotices')), photos })
    db.close()
    return out
  })
}

/** A real 2400×1200 PNG, drawn by the browser */
async function makePng(): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const c = new OffscreenCanvas(2400, 1200)
    const g = c.getContext('2d')!
    g.fillStyle = '#a3201b'
    g.fillRect(0, 0, 2400, 1200)
    g.fillStyle = '#fff'
    g.fillRect(200, 200, 800, 400)
    return Array.from(new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer()))
  })
  return Buffer.from(bytes)
}

describe('clerk mode', () => {
  it('a 5-second press on the village name opens it; a PIN is set; a saved record and a half-typed draft survive a killed browser', async () => {
    await page.goto(server.url)
    const name = page.getByTestId('village-name')
    await expect.poll(() => name.textContent(), { timeout: 20_000 }).not.toBe('')
    await name.dispatchEvent('pointerdown')
    await expect.poll(() => page.url(), { timeout: 8000 }).toContain('#/clerk')
    await page.getByTestId('pin-pad').waitFor()
    await screenshot(page, 'clerk-pin-setup')
    await enterPin(PIN)
    await enterPin(PIN)
    await page.getByTestId('clerk-nav-ledger').waitFor()
    await expect.poll(() => page.getByTestId('clerk-todo').count()).toBeGreaterThan(0)
    await screenshot(page, 'clerk-todo')

    // a disclosure with a photo
    await page.getByTestId('clerk-nav-ledger').tap()
    await page.getByTestId('ledger-new').tap()
    await page.getByTestId('ledger-item').selectOption({ index: 1 })
    if (await page.getByTestId('ledger-period-choice').isVisible()) await page.getByTestId('ledger-period-choice').selectOption({ index: 1 })
    await page.getByTestId('ledger-period').fill('2026年10月')
    await page.getByTestId('ledger-place-wechat').check()
    await page.getByTestId('ledger-posted-by').fill('王文书')
    await page.getByTestId('ledger-reviewer').fill('李监委')
    await page.getByTestId('ledger-opinion').fill('同意公开')
    await page.getByTestId('photo-input').setInputFiles({ name: 'board.png', mimeType: 'image/png', buffer: await makePng() })
    await page.getByTestId('pending-photo').waitFor()
    await screenshot(page, 'clerk-ledger-form')
    await page.getByTestId('ledger-save').tap()
    await expect.poll(() => page.getByTestId('ledger-row').count()).toBe(1)
    const saved = JSON.parse(await dumpLayer())
    expect(saved.ledger[0]).toMatchObject({ postedBy: '王文书', reviewer: '李监委', periodLabel: '2026年10月', version: 1 })
    expect(saved.ledger[0].places).toEqual(['board', 'wechat'])
    expect(saved.photos).toHaveLength(1)
    expect(saved.ledger[0].photoIds).toEqual([saved.photos[0].id])
    expect(Math.max(saved.photos[0].width, saved.photos[0].height)).toBe(1600)
    // queued in the outbox; this kiosk has no kioskToken, so nothing is sent and the row says why
    // (the upload itself: clerk-upload.e2e.ts against the real console)
    await expect.poll(() => page.getByTestId('upload-state').first().textContent()).toContain('本机没有设备令牌')
    expect(server.requests.filter((r) => r === '/upload').length).toBe(0)
    expect(await page.evaluate(() => new Promise<number>((res) => {
      const r = indexedDB.open('gongkai')
      r.onsuccess = () => {
        const c = r.result.transaction('outbox').objectStore('outbox').count()
        c.onsuccess = () => res(c.result)
      }
    }))).toBe(1)

    // a second record, left half-typed
    await page.getByTestId('ledger-new').tap()
    await page.getByTestId('ledger-item').selectOption({ index: 2 })
    await page.getByTestId('ledger-posted-by').fill('半截草稿')
    await page.getByTestId('ledger-opinion').fill('意见写了一半')
    await expect
      .poll(() => page.evaluate(() => new Promise<string>((res) => {
        const r = indexedDB.open('gongkai')
        r.onsuccess = () => {
          const g = r.result.transaction('drafts').objectStore('drafts').get('ledger:new')
          g.onsuccess = () => res(JSON.stringify(g.result?.fields ?? null))
        }
      })))
      .toContain('意见写了一半')

    await killBrowser()
    await open()
    await unlock()
    await page.getByTestId('clerk-nav-ledger').tap()
    await expect.poll(() => page.getByTestId('ledger-row').count()).toBe(1)
    await page.getByTestId('clerk-nav-todo').tap()
    await page.getByTestId('clerk-draft').first().tap()
    await page.getByTestId('draft-restored').waitFor()
    expect(await page.getByTestId('ledger-opinion').inputValue()).toBe('意见写了一半')
    expect(await page.getByTestId('ledger-posted-by').inputValue()).toBe('半截草稿')
  })

  it('a local notice with an ID number is masked before it is saved and shows masked to residents', async () => {
    await page.getByTestId('clerk-nav-notices').tap()
    await page.getByTestId('notice-new').tap()
    await page.getByTestId('notice-title-input').fill('临时救助公示')
    await page.getByTestId('notice-text-input').fill(`救助对象张某，身份证号 ${RAW_ID}，救助金额 1200 元，2026-11-27 发放。`)
    await page.getByTestId('photo-input').setInputFiles({ name: 'notice.png', mimeType: 'image/png', buffer: await makePng() })
    await page.getByTestId('pending-photo').waitFor()
    await page.getByTestId('notice-save').tap()
    await page.getByTestId('privacy-review').waitFor()
    expect(await page.getByTestId('privacy-finding').textContent()).toContain('110105********002X')
    await screenshot(page, 'clerk-privacy-review')
    await page.getByTestId('privacy-confirm').tap()
    await expect.poll(() => page.getByTestId('local-notice-row').count()).toBe(1)
    expect(await dumpLayer()).not.toContain(RAW_ID)

    await page.getByTestId('clerk-leave').tap()
    // residents' checklist: the last disclosure date of the recorded item and the 12-month on-time rate
    await page.goto(`${server.url}#/checklist`)
    await page.getByTestId('on-time-rate').waitFor()
    expect(await page.getByTestId('on-time-rate').textContent()).toMatch(/按时公开率 \d+%/)
    expect(await page.getByTestId('last-posted').count()).toBe(1)
    await page.goto(`${server.url}#/notices`)
    const card = page.getByTestId('notice-card').filter({ hasText: '临时救助公示' })
    await card.waitFor()
    expect(await card.getByTestId('village-posted').isVisible()).toBe(true)
    await card.tap()
    const body = await page.getByTestId('notice-body').textContent()
    expect(body).toContain('110105********002X')
    expect(body).toContain('1200')
    await page.getByTestId('village-notice-photos').getByTestId('photo-thumb').waitFor()
    await screenshot(page, 'clerk-notice-resident')
    expect(await page.content()).not.toContain(RAW_ID)
  })

  it('export → clear all site data → import restores the identical village layer; a broken file changes nothing', async () => {
    await unlock()
    await page.getByTestId('clerk-nav-items').tap()
    await page.getByTestId('item-new').tap()
    await page.getByTestId('item-title').fill('村集体鱼塘承包收入')
    await page.getByTestId('item-save').tap()
    await expect.poll(() => page.getByTestId('item-village').count()).toBe(1)
    const before = await dumpLayer()
    expect(JSON.parse(before).items).toHaveLength(1)

    await page.getByTestId('clerk-nav-data').tap()
    await page.getByTestId('export-make').tap()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').tap()])
    const file = join(profile.dir, 'export.zip')
    await download.saveAs(file)

    const cdp = await context.newCDPSession(page)
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(server.url).origin, storageTypes: 'all' })
    await page.goto(`${server.url}#/`)
    await page.reload()
    await expect.poll(dumpLayer).toBe('{"items":[],"ledger":[],"notices":[],"photos":[]}')

    // all site data went, the PIN too: set it again, then import
    await page.goto(`${server.url}#/clerk`)
    await enterPin(PIN)
    await enterPin(PIN)
    await page.getByTestId('clerk-nav-data').tap()
    const broken = join(profile.dir, 'broken.zip')
    writeFileSync(broken, readFileSync(file).subarray(0, 300))
    // the file is checked before anything is asked: a broken one is refused at once
    await page.getByTestId('import-input').setInputFiles(broken)
    await page.getByTestId('import-error').waitFor()
    expect(await page.getByTestId('import-error').textContent()).toMatch(/不完整.*\/.*incomplete/)
    expect(await page.getByTestId('import-confirm').count()).toBe(0)
    expect(await dumpLayer()).toBe('{"items":[],"ledger":[],"notices":[],"photos":[]}')

    // a good one: what it holds, then the question
    await page.getByTestId('import-input').setInputFiles(file)
    await page.getByTestId('import-summary').waitFor()
    expect(await page.getByTestId('import-counts').textContent()).toMatch(/1 个事项，\d+ 条台账，\d+ 条公告，\d+ 张照片/)
    expect(await page.getByTestId('import-village').textContent()).toMatch(/（\d+）/)
    await page.getByTestId('import-run').tap()
    await page.getByTestId('import-done').waitFor()
    await screenshot(page, 'clerk-import-done')
    expect(await dumpLayer()).toBe(before)

    await page.setViewportSize(PORTRAIT)
    await page.getByTestId('clerk-nav-ledger').tap()
    await page.getByTestId('ledger-row').first().tap()
    await page.getByTestId('ledger-form').waitFor()
    await screenshot(page, 'clerk-ledger-form-portrait')
    await page.setViewportSize(LANDSCAPE)
  })

  it('five wrong PINs lock clerk mode for 5 minutes, and the lock survives a reload', async () => {
    await page.getByTestId('clerk-leave').tap()
    await page.goto(`${server.url}#/clerk`)
    for (let i = 1; i <= 4; i++) {
      await enterPin('111111')
      await expect.poll(() => page.getByTestId('pin-wrong').textContent()).toContain(String(5 - i))
    }
    await enterPin('111111')
    await page.getByTestId('pin-locked').waitFor()
    await page.reload()
    await page.getByTestId('pin-locked').waitFor()
    expect(await page.getByTestId('pin-pad').count()).toBe(0)
    await screenshot(page, 'clerk-locked')
  })
})
