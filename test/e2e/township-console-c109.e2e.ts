/**
 * The township web console in Chromium 109 (the office-PC floor, issue 14
 * item 8), at 1366×768, against the real server (PGlite in a temp folder, demo
 * township); one browser for the whole pass. A staffer completes the setup and
 * signs in; every console page renders its main content with no page error
 * and no console error, and axe-core finds nothing serious or critical; tables
 * sort (pinyin order for names, by value for numbers); a kiosk is enrolled, a
 * user added, and a notice composed by an editor is reviewed and published by
 * the admin. Screenshots: test-results/screenshots/console-c109/<page>-1366.png
 * (docs/screenshots/console-c109/ with GONGKAI_DOC_SHOTS=1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { touchContext } from './support/browser'
import { launchChromium109 } from './support/chromium109'
import { ROOT, startTownshipServer, type TownshipServer } from './support/townshipServer'
import { apiGet, axeSerious, OFFICE_SIZES } from './support/townshipConsole'
import { ARTIFACTS } from './support/kiosk'
import { networkQuiet, trackRequests } from './support/networkQuiet'

const SHOTS = process.env.GONGKAI_DOC_SHOTS ? join(ROOT, 'docs/screenshots/console-c109') : join(ARTIFACTS, 'console-c109')
const ADMIN = { username: 'wangxh', displayName: '王晓红', password: 'guiwan-2026-secret' }
const EDITOR = { username: 'zhangbj', displayName: '张编辑', password: 'editor-2026-secret' }
const TITLE = '桐溪村冬季防火安全提示'
const SMALL = OFFICE_SIZES[0]
const CLIP_HTML = '<html><body><!--StartFragment--><table><tr><td>检查地点</td><td>灭火器（具）</td></tr><tr><td>村委会</td><td>6</td></tr><tr><td>文化广场</td><td>4</td></tr><!--EndFragment--></table></body></html>'
const CLIP_TSV = '检查地点\t灭火器（具）\r\n村委会\t6\r\n文化广场\t4\r\n'

let server: TownshipServer
let browser: Browser
let context: BrowserContext
let page: Page
/** page errors and console errors of every console page opened in this pass */
const problems: string[] = []
let village: { code: string; name: string }
let kioskId: string
let draftId: string

async function signIn(who: { username: string; password: string }) {
  await page.goto(`${server.url}/#/login`)
  await page.fill('input[name="username"]', who.username)
  await page.fill('input[name="password"]', who.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/#\/fleet/)
}

async function signOut() {
  await page.getByRole('button', { name: '退出登录' }).click()
  await page.waitForURL(/#\/login/)
}

/** The signed-out console page at 1366×768 whose errors land in `problems`. */
async function consolePage(): Promise<Page> {
  context = await browser.newContext({ ...touchContext(SMALL), acceptDownloads: true })
  const p = await context.newPage()
  trackRequests(p)
  // every step here takes well under a second; a broken page should not cost each later step 30 s
  p.setDefaultTimeout(10_000)
  p.on('pageerror', (e) => problems.push(`pageerror ${p.url()}: ${e.message}`))
  p.on('console', (m: ConsoleMessage) => {
    if (m.type() !== 'error') return
    // a signed-out page asks /api/auth/me and is told 401; the browser logs that as a failed resource
    if (m.location().url.endsWith('/api/auth/me') && m.text().includes('status of 401')) return
    problems.push(`console.error ${p.url()}: ${m.text()} (${m.location().url})`)
  })
  return p
}

async function shot(p: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await p.screenshot({ path: join(SHOTS, `${name}-${SMALL.width}.png`) })
}

async function expectNoSeriousAxe(p: Page, name: string) {
  const v = await axeSerious(p)
  expect(v, `${name}: ${JSON.stringify(v, null, 1)}`).toEqual([])
}

/** Page checks once its main content shows: no error box, axe clean, no page or console error so far; then the screenshot. */
async function checkPage(p: Page, name: string) {
  await networkQuiet(p)
  expect(await p.locator('[role="alert"]').count(), `${name}: ${await p.locator('[role="alert"]').allTextContents()}`).toBe(0)
  await expectNoSeriousAxe(p, name)
  expect(problems, name).toEqual([])
  await shot(p, name)
}

beforeAll(async () => {
  server = await startTownshipServer()
  browser = await launchChromium109()
  page = await consolePage()
})

afterAll(async () => {
  await context?.close().catch(() => {})
  await browser?.close().catch(() => {})
  await server?.close()
})

describe('township web console in Chromium 109 at 1366×768', () => {
  it('is Chromium 109', () => {
    expect(browser.version()).toMatch(/^109\./)
  })

  it('the one-time setup, then sign out and in again (a wrong password gets the server’s words)', async () => {
    await page.goto(server.setupLink!)
    await expect.poll(() => page.locator('input[name="setupToken"]').inputValue()).not.toBe('')
    await checkPage(page, 'setup')
    await page.fill('input[name="username"]', ADMIN.username)
    await page.fill('input[name="displayName"]', ADMIN.displayName)
    await page.fill('input[name="password"]', ADMIN.password)
    await page.fill('input[name="password2"]', ADMIN.password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/#\/fleet/)
    await page.getByText(`${ADMIN.displayName} · 管理员`).waitFor()

    await page.getByRole('button', { name: '退出登录' }).click()
    await page.waitForURL(/#\/login/)
    await checkPage(page, 'login')
    await page.fill('input[name="username"]', ADMIN.username)
    await page.fill('input[name="password"]', 'wrong-password-1')
    await page.click('button[type="submit"]')
    await page.getByRole('alert').waitFor()
    expect(await page.getByRole('alert').textContent()).toMatch(/[\u4e00-\u9fa5]/)
    // the browser logs the refused sign-in (401) as a failed resource; that one is expected
    const refused = problems.findIndex((m) => m.includes('/api/auth/login') && m.includes('401'))
    if (refused >= 0) problems.splice(refused, 1)
    await page.fill('input[name="password"]', ADMIN.password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/#\/fleet/)
    expect(problems).toEqual([])
    village = (await apiGet<{ code: string; name: string }[]>(page, '/api/villages'))[0]!
  })

  it('enrols a kiosk: its config and QR code show, and it is listed', async () => {
    await page.goto(`${server.url}/#/kiosks`)
    await page.locator('tbody tr[data-row]').first().waitFor()
    await page.locator('select[name="villageCode"]').selectOption(village.code)
    await page.fill('input[name="place"]', '村便民服务大厅 9 号屏')
    await page.getByRole('button', { name: '登记设备' }).click()
    await page.getByText('已登记：村便民服务大厅 9 号屏').waitFor()
    const config = JSON.parse(await page.locator('#kiosk-config-text').inputValue()) as { kioskId: string; villageCode: string }
    expect(config.villageCode).toBe(village.code)
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="download-config"]').click()])
    expect(download.suggestedFilename()).toBe('config.json')
    expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))).toEqual(config)
    await page.locator('.qr svg').waitFor()
    await checkPage(page, 'kiosks-enrolled')
    await page.getByRole('button', { name: '关闭' }).click()
    await page.locator(`tr[data-row="${config.kioskId}"]`).waitFor()
    kioskId = (await apiGet<{ kiosks: { id: string; lastSeen: string | null }[] }>(page, '/api/fleet')).kiosks.find((k) => k.lastSeen)!.id
  })

  it('adds an editor on the users page', async () => {
    await page.goto(`${server.url}/#/users`)
    await page.locator('tbody tr[data-row]').first().waitFor()
    await page.fill('input[name="username"]', EDITOR.username)
    await page.fill('input[name="displayName"]', EDITOR.displayName)
    await page.fill('input[name="password"]', EDITOR.password)
    await page.locator('select[name="role"]').selectOption('editor')
    await page.getByRole('button', { name: '添加用户' }).click()
    await page.getByText(`已添加用户 ${EDITOR.username}`).waitFor()
    await page.locator('tbody tr', { hasText: EDITOR.username }).waitFor()
    await checkPage(page, 'users')
  })

  it('an editor composes a notice and submits it; the admin reviews, approves and publishes it', async () => {
    // one page for both people, signing out between: under --single-process, Chromium 109's contexts share their cookies
    await signOut()
    await signIn(EDITOR)
    await page.goto(`${server.url}/#/publish/${village.code}`)
    const before = (await apiGet<{ revision: number }>(page, `/api/villages/${village.code}/feed`)).revision
    await page.getByText(`一体机当前应为第 ${before} 版`).waitFor()
    await checkPage(page, 'publish')
    await page.getByRole('link', { name: '新建公告' }).click()
    await page.waitForURL(/drafts\/new/)
    await page.fill('input[name="title"]', TITLE)
    await page.locator('select[name="category"]').selectOption({ label: '村务公开' })
    await page.locator('.rte__area').click()
    await page.keyboard.type('入冬以来天干物燥，请各户注意用火用电安全，不在山林焚烧秸秆。')
    // a table copied from a spreadsheet arrives as a paste event with text/html and text/plain
    await page.getByTestId('table-paste').focus()
    await page.getByTestId('table-paste').evaluate((el, [html, tsv]) => {
      const dt = new DataTransfer()
      dt.setData('text/html', html!)
      dt.setData('text/plain', tsv!)
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
    }, [CLIP_HTML, CLIP_TSV])
    await page.getByText('已粘贴 2 行 2 列').waitFor()
    await expect.poll(() => page.getByRole('button', { name: '提交审核' }).isDisabled(), { timeout: 15_000 }).toBe(false)
    await checkPage(page, 'compose')
    await page.getByRole('button', { name: '提交审核' }).click()
    await page.getByText('已提交审核，请另一位审核人审核').waitFor()
    draftId = /drafts\/(\d+)/.exec(page.url())![1]!
    await signOut()

    await signIn(ADMIN)
    await page.goto(`${server.url}/#/publish/${village.code}`)
    await page.getByRole('link', { name: TITLE }).click()
    await page.waitForURL(new RegExp(`review/${draftId}`))
    await expect.poll(() => page.getByTestId('changes').textContent()).toContain(TITLE)
    expect(await page.locator('.notice-preview').textContent()).toContain('天干物燥')
    expect(await page.locator('.notice-preview table').textContent()).toContain('文化广场')
    await checkPage(page, 'review')
    await page.getByRole('button', { name: '审核通过' }).click()
    await page.getByRole('button', { name: '签名并发布' }).click()
    await page.getByText(`已签名发布为第 ${before + 1} 版`).waitFor()
    await checkPage(page, 'review-published')
  })

  type Check = [name: string, route: () => string, ready: string, then?: (p: Page) => Promise<void>]
  const report = (kind: string, title: string) => async (p: Page) => {
    await p.locator('select[name="kind"]').selectOption(kind)
    await p.locator('h1', { hasText: title }).waitFor()
    // the chosen period's figures, not the ones shown before it (the page keeps those while it loads)
    await p.locator('.report-village[aria-busy="false"]').first().waitFor()
    await p.locator('svg.chart').first().waitFor()
  }
  const PAGES: Check[] = [
    ['fleet', () => '/fleet', 'tbody tr[data-row]'],
    ['kiosk-history', () => `/fleet/${encodeURIComponent(kioskId)}`, 'svg.chart'],
    ['kiosks', () => '/kiosks', 'tbody tr[data-row]'],
    ['supervision', () => '/supervision', '[data-state]'],
    ['weekly', () => '/weekly', 'h1'],
    ['reports-month', () => '/reports', 'svg.chart', report('month', '月总结')],
    ['reports-quarter', () => '/reports', 'svg.chart', report('quarter', '季评估')],
    ['reports-year', () => '/reports', 'svg.chart', report('year', '年考核')],
    ['ledger', () => '/ledger', 'tbody tr'],
    ['ledger-village', () => `/ledger/${village.code}`, 'tbody tr'],
    ['publish-history', () => `/publish/${village.code}/history`, 'tbody tr'],
    ['checklist-editor', () => `/publish/${village.code}/checklist/new`, '[data-testid="checklist-rows"] input'],
    ['chapter-editor', () => `/publish/${village.code}/chapters/new`, '.rte__area'],
    ['preview', () => `/publish/${village.code}/preview/${draftId}`, 'iframe.preview-frame'],
    ['audit', () => '/audit', 'tbody tr'],
    ['alerts', () => '/alerts', 'select[name="channel"]'],
  ]
  it('every page renders its main content, with no page or console error and nothing serious for axe', async () => {
    for (const [name, route, ready, then] of PAGES) {
      await page.goto(`${server.url}/#${route()}`)
      await page.locator(ready).first().waitFor({ timeout: 20_000 })
      if (then) await then(page)
      await checkPage(page, name)
    }
  })

  it('the preview frame runs the kiosk app on the draft', async () => {
    await page.goto(`${server.url}/#/publish/${village.code}/preview/${draftId}`)
    await page.frameLocator('iframe.preview-frame').getByTestId('village-name').waitFor({ timeout: 30_000 })
    expect(problems).toEqual([])
  })

  it('the audit log lists this pass’s sign-ins, the new user and the publication', async () => {
    await page.goto(`${server.url}/#/audit`)
    await page.locator('tbody tr').first().waitFor()
    const text = await page.locator('tbody').textContent()
    expect(text).toContain(ADMIN.username)
    expect(text).toContain(EDITOR.username)
  })

  it('tables sort: village names in pinyin order both ways, on-time rates by value', async () => {
    const header = (label: string) => page.locator('thead th', { has: page.getByRole('button', { name: label, exact: true }) }).first()
    await page.goto(`${server.url}/#/fleet`)
    await page.locator('tbody tr[data-row]').first().waitFor()
    const villageNames = async () => (await page.locator('tbody tr[data-row] td:nth-child(1)').allTextContents()).map((s) => s.trim())

    // the page opens sorted by village, ascending: pinyin (柳 liǔ, 石 shí, 桐 tóng), not code points
    expect(await header('村').getAttribute('aria-sort')).toBe('ascending')
    const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' })
    const asc = await villageNames()
    expect(new Set(asc).size).toBeGreaterThanOrEqual(3)
    expect(asc).toEqual([...asc].sort(collator.compare))
    expect(asc).not.toEqual([...asc].sort())
    await header('村').getByRole('button').click()
    expect(await header('村').getAttribute('aria-sort')).toBe('descending')
    expect(await villageNames()).toEqual([...asc].sort((a, b) => collator.compare(b, a)))

    // the last quarter's overview: 按时率 as numbers, both ways
    await page.goto(`${server.url}/#/reports`)
    await report('quarter', '季评估')(page)
    const overview = page.locator('.report-village').first()
    await overview.locator('tbody tr[data-row]').first().waitFor()
    const rates = async () => (await overview.locator('tbody tr[data-row] td:last-child').allTextContents()).map((s) => Number(/([\d.]+)%/.exec(s)![1]))
    const rate = overview.locator('thead th', { has: page.getByRole('button', { name: '按时率' }) })
    const given = await rates()
    expect(new Set(given).size).toBeGreaterThan(1)
    await rate.getByRole('button').click()
    expect(await rate.getAttribute('aria-sort')).toBe('ascending')
    expect(await rates()).toEqual([...given].sort((a, b) => a - b))
    await rate.getByRole('button').click()
    expect(await rate.getAttribute('aria-sort')).toBe('descending')
    expect(await rates()).toEqual([...given].sort((a, b) => b - a))
    expect(problems).toEqual([])
  })

  it('the report prints without the menus', async () => {
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('nav.sidenav').isVisible()).toBe(false)
    expect(await page.locator('.toolbar.no-print').isVisible()).toBe(false)
    expect(await page.locator('.report-village').count()).toBeGreaterThan(1)
    await page.emulateMedia({ media: 'screen' })
  })

  it('switches to English and back', async () => {
    await page.goto(`${server.url}/#/supervision`)
    await page.locator('[data-state]').first().waitFor()
    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en')
    await page.locator('h1', { hasText: 'Supervision' }).waitFor()
    await checkPage(page, 'supervision-en')
    await page.getByRole('button', { name: '中文' }).click()
    await page.locator('h1', { hasText: '监督' }).waitFor()
    expect(problems).toEqual([])
  })
})
