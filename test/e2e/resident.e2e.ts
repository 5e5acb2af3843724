/**
 * A resident at the kiosk, by touch, at both screen sizes: home → each section,
 * a notice with a table, a checklist item, a handbook chapter, extra-large text
 * and high contrast, home again. Then the idle countdown and reset, the attract
 * loop, and the 公示 windows computed from the device clock with no network.
 * Screenshots of every screen go to test-results/screenshots/resident-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { LANDSCAPE, PORTRAIT, launchBrowser, touchContext } from './support/browser'
import { DIST, startKioskServer, type KioskServer } from './support/kioskServer'
import { screenshot as save, waitForServiceWorker } from './support/kiosk'

const demo = JSON.parse(readFileSync(join(DIST, 'demo/feed.json'), 'utf8'))
const village: string = demo._gongkai.village.name
const financeNotice = demo.items.find((i: { _gongkai?: { table?: { kind: string }; expires?: string } }) => i._gongkai?.table?.kind === 'finance' && Date.parse(i._gongkai.expires ?? '') > Date.now())
const linkedItemId: string = financeNotice._gongkai.checklist_item
const firstChapter = demo._gongkai.handbook.chapters[0]

/** expect.poll with room for a busy 2-core CI machine (the default gives up after 1 s) */
const poll = <T>(fn: () => T | Promise<T>, opts: { timeout?: number } = {}) => expect.poll(fn, { timeout: 10_000, ...opts })

let browser: Browser
let server: KioskServer

beforeAll(async () => {
  browser = await launchBrowser()
  server = await startKioskServer()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const hash = (page: Page) => page.evaluate(() => location.hash)
const htmlData = (page: Page) => page.evaluate(() => ({ text: document.documentElement.dataset.text, theme: document.documentElement.dataset.theme, lang: document.documentElement.lang }))
const bodyFontPx = (page: Page, testid: string) => page.getByTestId(testid).evaluate((el) => parseFloat(getComputedStyle(el).fontSize))

/** A screenshot once transitions (theme, text size) have finished, so it shows what a resident sees. */
async function screenshot(page: Page, name: string) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity))
  await save(page, name)
}

/** Visible touch targets smaller than 60×60 CSS px (links inside feed text excepted: they are words in a sentence). */
function smallTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], [role=tab], [role=link]:not([data-href])')]
      .filter((el) => el.checkVisibility() && !el.closest('.safe-html'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 60 || r.height < 60))
      .map(({ el, r }) => `${el.dataset.testid ?? el.textContent?.trim()} ${Math.round(r.width)}×${Math.round(r.height)}`),
  )
}

/** A one-page PDF, built by hand so the test needs no file on disk. */
function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 28 Tf 40 100 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

const PICTURE = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="#2a6"/><circle cx="200" cy="100" r="60" fill="#fff"/></svg>'

async function openHome(page: Page, url: string) {
  await page.goto(url)
  await poll(() => page.getByTestId('village-name').textContent(), { timeout: 20_000 }).toBe(village)
}

for (const [size, viewport] of [['landscape', LANDSCAPE], ['portrait', PORTRAIT]] as const) {
  describe(`resident walk-through, ${size} ${viewport.width}×${viewport.height}`, () => {
    it('taps into each section, opens a notice with a table, a checklist item and a chapter, switches to extra-large high contrast, goes home', async () => {
      const context = await browser.newContext(touchContext(viewport))
      const page = await context.newPage()
      await openHome(page, server.url)
      await poll(() => page.getByTestId('urgent-banner').count()).toBeGreaterThan(0)
      expect(await page.getByTestId('updated-at').textContent()).toContain('内容更新于')
      expect(await page.getByTestId('nav-display').isVisible()).toBe(true)
      expect(await page.getByTestId('nav-language').isVisible()).toBe(true)
      // a kiosk: no long-press menu, no text selection, no page zoom
      expect(await page.evaluate(() => !document.body.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true })))).toBe(true)
      expect(await page.evaluate(() => getComputedStyle(document.body).userSelect)).toBe('none')
      // page zoom is blocked by touch-action (pinch is not a pan); the viewport meta stays zoomable for accessibility audits
      expect(await page.evaluate(() => [getComputedStyle(document.documentElement).touchAction, getComputedStyle(document.body).touchAction])).toEqual(['pan-x pan-y', 'pan-x pan-y'])
      // body text at the standard size is at least 24 px, line height at least 1.5
      expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(24)
      expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).lineHeight) / parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(1.5)
      await screenshot(page, `resident-${size}-home`)
      expect(await smallTargets(page)).toEqual([])

      // 公开清单 → an item → its disclosures
      await page.getByTestId('tile-checklist').tap()
      await poll(() => page.getByTestId('checklist-item').count()).toBe(demo._gongkai.checklist.length)
      await screenshot(page, `resident-${size}-checklist`)
      expect(await smallTargets(page)).toEqual([])
      await page.locator(`a[href="#/checklist/${linkedItemId}"]`).tap()
      await poll(() => page.getByTestId('checklist-item-title').isVisible()).toBe(true)
      await poll(() => page.getByTestId('notice-card').count()).toBeGreaterThan(0)
      await page.getByTestId('read-aloud').tap()
      // headless Chromium usually has no Chinese voice: then the resident is told so, not left waiting
      await poll(async () => (await page.getByTestId('speech-problem').count()) > 0 || (await page.getByTestId('read-aloud').getAttribute('aria-pressed')) === 'true')
        .toBe(true)
      if (await page.getByTestId('speech-problem').count()) expect(await page.getByTestId('speech-problem').textContent()).toMatch(/中文语音|不能朗读/)
      else await page.getByTestId('read-aloud').tap() // stop reading
      await screenshot(page, `resident-${size}-checklist-item`)
      expect(await smallTargets(page)).toEqual([])

      // 公开栏 → tabs → a finance notice with its table, chart and objection footer
      await page.getByTestId('nav-home').tap()
      await page.getByTestId('tile-notices').tap()
      await poll(() => page.getByTestId('notice-card').count()).toBeGreaterThan(3)
      const cards = await page.getByTestId('notice-card').allTextContents()
      expect(cards[0]).toContain('紧急')
      expect(cards.some((c) => /公示中 · 还剩 \d+ 天/.test(c))).toBe(true)
      await screenshot(page, `resident-${size}-notices`)
      expect(await smallTargets(page)).toEqual([])
      // back from a notice far down the board returns to the same place in the list
      const farCard = page.getByTestId('notice-card').last()
      await farCard.scrollIntoViewIfNeeded()
      const y = await page.evaluate(() => window.scrollY)
      expect(y).toBeGreaterThan(100)
      await farCard.tap()
      await poll(() => page.getByTestId('notice-title').isVisible()).toBe(true)
      // a new screen opened from far down a list starts at its top
      await poll(() => page.evaluate(() => window.scrollY)).toBe(0)
      await page.getByTestId('nav-back').tap()
      await poll(() => page.evaluate(() => Math.round(window.scrollY))).toBe(Math.round(y))
      await page.getByTestId('tab-finance').tap()
      await poll(async () => (await page.getByTestId('notice-card').allTextContents()).every((c) => c.includes('财务公开'))).toBe(true)
      await page.locator(`a[href="#/notices/${financeNotice.id}"]`).tap()
      await poll(() => page.getByTestId('notice-title').textContent()).toBe(financeNotice.title)
      await poll(() => page.getByTestId('finance-chart').isVisible()).toBe(true)
      const table = page.getByTestId('notice-table')
      expect(await table.locator('tr.total').count()).toBeGreaterThan(0)
      // finance amounts always have two decimals
      expect(await table.locator('td.num').first().textContent()).toMatch(/\d\.\d{2}\s*$/)
      expect(await page.getByTestId('objection').textContent()).toMatch(/如有异议，请于.*月.*日前向村务监督委员会反映/)
      await screenshot(page, `resident-${size}-notice-finance`)
      expect(await smallTargets(page)).toEqual([])
      await table.scrollIntoViewIfNeeded()
      await screenshot(page, `resident-${size}-notice-finance-table`)
      await page.getByTestId('finance-chart').scrollIntoViewIfNeeded()
      await screenshot(page, `resident-${size}-notice-finance-chart`)
      await page.getByTestId('take-home').tap()
      await poll(() => page.getByTestId('qr-image').isVisible()).toBe(true)
      await screenshot(page, `resident-${size}-take-home-qr`)
      await page.getByTestId('qr-close').tap()

      // the archive, through the board
      await page.getByTestId('nav-back').tap()
      // back on the board, the chosen tab is still chosen
      await poll(() => page.getByTestId('tab-finance').getAttribute('aria-selected')).toBe('true')
      await page.getByTestId('archive-link').tap()
      await poll(() => hash(page)).toBe('#/notices/archive')
      await poll(async () => (await page.getByTestId('notice-card').allTextContents()).every((c) => c.includes('已结束'))).toBe(true)
      await screenshot(page, `resident-${size}-archive`)

      // 公开手册 → a chapter
      await page.getByTestId('nav-home').tap()
      await page.getByTestId('tile-handbook').tap()
      await poll(() => page.getByTestId('chapter-link').count()).toBe(demo._gongkai.handbook.chapters.length)
      await screenshot(page, `resident-${size}-handbook`)
      expect(await smallTargets(page)).toEqual([])
      await page.getByTestId('chapter-link').first().tap()
      await poll(() => page.getByTestId('chapter-title').textContent()).toBe(firstChapter.title)
      await screenshot(page, `resident-${size}-chapter`)
      expect(await smallTargets(page)).toEqual([])
      const standardPx = await bodyFontPx(page, 'chapter-body')

      // extra-large text and high contrast, from the nav bar
      await page.getByTestId('nav-display').tap()
      await page.getByTestId('text-xlarge').tap()
      await page.getByTestId('theme-contrast').tap()
      await screenshot(page, `resident-${size}-display-settings`)
      await page.getByTestId('display-close').tap()
      expect(await htmlData(page)).toMatchObject({ text: 'xlarge', theme: 'contrast' })
      expect(await bodyFontPx(page, 'chapter-body')).toBeGreaterThanOrEqual(standardPx * 1.4)
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)')
      await screenshot(page, `resident-${size}-chapter-xlarge-contrast`)

      await page.getByTestId('nav-home').tap()
      await poll(() => hash(page)).toBe('#/')
      await screenshot(page, `resident-${size}-home-xlarge-contrast`)
      await context.close()
    })
  })
}

describe('idle reset and attract loop', () => {
  it('counts down after idleSeconds; 继续浏览 keeps the screen; running out goes home with every setting back to default', async () => {
    const idle = await startKioskServer({ config: { feedUrl: 'demo/feed.json', idleSeconds: 5, locale: 'zh-CN' } })
    const context = await browser.newContext(touchContext(LANDSCAPE))
    const page = await context.newPage()
    await page.clock.install()
    try {
      await openHome(page, idle.url)
      await page.getByTestId('tile-notices').tap()
      await page.getByTestId('tab-finance').tap()
      await page.getByTestId('nav-display').tap()
      await page.getByTestId('text-xlarge').tap()
      await page.getByTestId('theme-contrast').tap()
      await page.getByTestId('display-close').tap()
      await page.getByTestId('nav-language').tap()
      // English loads on the first switch, then the screen changes
      await poll(() => htmlData(page)).toMatchObject({ text: 'xlarge', theme: 'contrast', lang: 'en' })

      await page.clock.fastForward(6_000)
      await poll(() => page.getByTestId('idle-countdown').isVisible()).toBe(true)
      await screenshot(page, 'resident-landscape-idle-countdown')
      await page.getByTestId('idle-continue').tap()
      await poll(() => page.getByTestId('idle-countdown').count()).toBe(0)
      expect(await hash(page)).toBe('#/notices')
      expect(await page.getByTestId('tab-finance').getAttribute('aria-selected')).toBe('true')
      expect(await htmlData(page)).toMatchObject({ text: 'xlarge', theme: 'contrast', lang: 'en' })

      // left with the display settings open
      await page.getByTestId('nav-display').tap()
      await page.clock.fastForward(6_000)
      await poll(() => page.getByTestId('idle-countdown').isVisible()).toBe(true)
      await page.clock.fastForward(11_000)
      await poll(() => hash(page)).toBe('#/')
      await poll(() => page.getByTestId('idle-countdown').count()).toBe(0)
      const after = await htmlData(page)
      expect(after.text).toBeUndefined()
      expect(after.theme).toBeUndefined()
      expect(after.lang).toBe('zh-CN')
      expect(await page.getByTestId('display-settings').count()).toBe(0)
      expect(await page.evaluate(() => window.scrollY)).toBe(0)

      // nobody there: after a while pinned and urgent notices cycle full screen
      await page.clock.fastForward(6_000)
      await poll(() => page.getByTestId('attract').isVisible()).toBe(true)
      await poll(() => page.getByTestId('attract-slide').evaluate((el) => el.getAnimations().length)).toBe(0)
      await screenshot(page, 'resident-landscape-attract')
      await page.getByTestId('attract').tap()
      await poll(() => page.getByTestId('attract').count()).toBe(0)
      expect(await hash(page)).toBe('#/')

      // tabs are back to 全部
      await page.getByTestId('tile-notices').tap()
      await poll(() => page.getByTestId('tab-all').getAttribute('aria-selected')).toBe('true')
    } finally {
      await context.close()
      await idle.close()
    }
  })
})

describe('公示 windows from the device clock', () => {
  it('an expired notice is only in the archive; one not yet open is on neither; offline', async () => {
    const day = 86_400_000
    const now = Date.now()
    const iso = (ms: number) => new Date(ms).toISOString()
    const base = { category: 'village', pinned: false, urgent: false }
    const feed = structuredClone(demo)
    feed._gongkai.revision = 7
    feed.items = [
      {
        id: 'T-OPEN',
        title: '测试：正在公示',
        content_html: '<p>正在公示的内容，详见<a href="https://example.org/info">镇政府网站</a>。</p><p><img src="pic.svg" alt="示意图"></p>',
        date_published: iso(now - 2 * day),
        attachments: [{ url: 'doc.pdf', mime_type: 'application/pdf', title: '测试附件' }],
        _gongkai: { ...base, expires: iso(now + 5 * day) },
      },
      { id: 'T-EXPIRED', title: '测试：已经结束', content_text: '公示期已过。', date_published: iso(now - 10 * day), _gongkai: { ...base, expires: iso(now - day) } },
      { id: 'T-UPCOMING', title: '测试：还没开始', content_text: '尚未到公示时间。', date_published: iso(now + 2 * day), _gongkai: { ...base, expires: iso(now + 9 * day) } },
    ]
    const windows = await startKioskServer({ config: { feedUrl: 'test/feed.json', idleSeconds: 600 } })
    windows.setRoute('/test/feed.json', feed)
    windows.setRoute('/test/doc.pdf', tinyPdf('Gongkai test attachment'), 'application/pdf')
    windows.setRoute('/test/pic.svg', PICTURE, 'image/svg+xml')
    const context = await browser.newContext(touchContext(PORTRAIT))
    try {
      const page = await context.newPage()
      await openHome(page, windows.url)
      await waitForServiceWorker(page)
      await context.setOffline(true)
      const cards = async (route: string, shown: string) => {
        await page.goto(`${windows.url}#/${route}`)
        await poll(async () => (await page.getByTestId('notice-card').allTextContents()).join('|')).toContain(shown)
        return (await page.getByTestId('notice-card').allTextContents()).join('|')
      }
      const board = await cards('notices', '测试：正在公示')
      expect(board).not.toContain('测试：已经结束')
      expect(board).not.toContain('测试：还没开始')
      const archive = await cards('notices/archive', '测试：已经结束')
      expect(archive).not.toContain('测试：还没开始')
      expect(archive).not.toContain('测试：正在公示')
      await screenshot(page, 'resident-portrait-archive-test-feed')

      // the open notice, offline: a link is offered as a QR code, the image zooms, the PDF opens in the app
      await page.goto(`${windows.url}#/notices/T-OPEN`)
      await page.locator('[data-href]').first().tap()
      await poll(() => page.getByTestId('qr-text').textContent()).toBe('https://example.org/info')
      expect(await page.evaluate(() => location.hash)).toBe('#/notices/T-OPEN')
      await screenshot(page, 'resident-portrait-link-qr')
      await page.getByTestId('qr-close').tap()
      await page.locator('img[data-zoomable]').first().tap()
      await poll(() => page.getByTestId('zoom-image').isVisible()).toBe(true)
      await page.getByTestId('zoom-in').tap()
      await poll(() => page.getByTestId('zoom-image').evaluate((el) => (el as HTMLElement).style.transform)).toContain('scale(1.5)')
      await screenshot(page, 'resident-portrait-image-zoom')
      await page.getByTestId('zoom-close').tap()
      await page.getByTestId('attachment-pdf').tap()
      await poll(() => page.getByTestId('pdf-page').textContent(), { timeout: 15_000 }).toBe('第 1 页，共 1 页')
      expect(await page.getByTestId('pdf-canvas').evaluate((c) => (c as HTMLCanvasElement).width)).toBeGreaterThan(100)
      await screenshot(page, 'resident-portrait-pdf')
      await page.getByTestId('pdf-close').tap()
      expect(await page.getByTestId('objection').textContent()).toContain('村务监督委员会')

      await page.goto(`${windows.url}#/notices/T-UPCOMING`)
      await poll(() => page.getByTestId('notice-not-found').isVisible()).toBe(true)

      // three days later by the device clock, still offline: the upcoming notice is on the board
      const later = await context.newPage()
      await later.clock.install({ time: now + 3 * day })
      await later.goto(`${windows.url}#/notices`)
      await poll(async () => (await later.getByTestId('notice-card').allTextContents()).join(), { timeout: 10_000 }).toContain('测试：还没开始')
    } finally {
      await context.close()
      await windows.close()
    }
  })
})
