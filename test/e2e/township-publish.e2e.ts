/**
 * Publishing from the township console, end to end: on the real server (demo
 * township, PGlite in a temp folder) an editor writes a notice in the browser,
 * pastes a finance table copied from a spreadsheet (a paste event carrying
 * the clipboard's text/html and text/plain), attaches a PDF, fixes the
 * reconciliation error the lint shows beside the table, and submits; a second
 * user approves and publishes it. The real built kiosk app (dist/ or
 * GONGKAI_DIST), configured with the console's enrolment config, shows the
 * notice with "内容已通过签名校验" within one poll, and the fleet page shows
 * that kiosk on the new revision. Screenshots: test-results (docs/screenshots/publish/
 * with GONGKAI_DOC_SHOTS=1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { LANDSCAPE, launchBrowser, touchContext } from './support/browser'
import { startKioskServer, type KioskServer } from './support/kioskServer'
import { ROOT, startTownshipServer, type TownshipServer } from './support/townshipServer'
import { apiGet, axeSerious, OFFICE_SIZES } from './support/townshipConsole'
import { ARTIFACTS } from './support/kiosk'

/** GONGKAI_DOC_SHOTS=1 refreshes the guide's screenshots; otherwise they go with the other test artifacts */
const SHOTS = process.env.GONGKAI_DOC_SHOTS ? join(ROOT, 'docs/screenshots/publish') : join(ARTIFACTS, 'publish')
const ADMIN = { username: 'admin', displayName: '王晓红', password: 'guiwan-2026-secret' }
const EDITOR = { username: 'zhangbj', displayName: '张编辑', password: 'editor-2026-secret', role: 'editor' }
const REVIEWER = { username: 'lish', displayName: '李审核', password: 'reviewer-2026-secret', role: 'reviewer' }
const TITLE = '桐溪村2026年11月财务收支公开'
/** the kiosk polls this often in the test (the enrolment config says 300 s) */
const POLL_SECONDS = 20

// what Excel puts on the clipboard for five rows by two columns: HTML and TSV; it opens where
// the demo village's October statement closed (354,647.33), and its 期末 is mistyped by 100
const CLIP_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment--><table border=0 cellpadding=0 cellspacing=0 width=288>
<tr height=19><td height=19 width=160>项目</td><td width=128>11月</td></tr>
<tr><td>期初余额</td><td align=right>354,647.33</td></tr>
<tr><td>收入：土地承包费</td><td align=right>8,000.00</td></tr>
<tr><td>支出：道路维修</td><td align=right>3,200.00</td></tr>
<tr><td>期末余额</td><td align=right>359,347.33</td></tr><!--EndFragment--></table></body></html>`
const CLIP_TSV = '项目\t11月\r\n期初余额\t354,647.33\r\n收入：土地承包费\t8,000.00\r\n支出：道路维修\t3,200.00\r\n期末余额\t359,347.33\r\n'

let server: TownshipServer
let browser: Browser
const contexts: BrowserContext[] = []
let kioskServer: KioskServer | undefined
let kioskConfig: Record<string, unknown>
let village: string
let latestBefore: number
let kiosk: Page
let reviewerPage: Page

async function signIn(who: { username: string; password: string }): Promise<Page> {
  const ctx = await browser.newContext(touchContext(OFFICE_SIZES[0]))
  contexts.push(ctx)
  const page = await ctx.newPage()
  page.on('pageerror', (e) => console.log('pageerror', e.message))
  await page.goto(`${server.url}/#/login`)
  await page.fill('input[name="username"]', who.username)
  await page.fill('input[name="password"]', who.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/#\/fleet/)
  return page
}

/** a change through the page's session (cookie + CSRF token), as the console's own client sends it */
function apiPost<T>(page: Page, path: string, body: unknown): Promise<T> {
  return page.evaluate(
    async ([p, b]) => {
      const me = await (await fetch('/api/auth/me')).json()
      const r = await fetch(p as string, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(b) })
      if (!r.ok) throw new Error(`${p}: HTTP ${r.status} ${await r.text()}`)
      return r.json()
    },
    [path, body] as const,
  ) as Promise<T>
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

beforeAll(async () => {
  server = await startTownshipServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {})
  await kioskServer?.close()
  await browser?.close().catch(() => {})
  await server?.close()
})

describe('publishing a notice from the township console', () => {
  it('setup: an admin, an editor and a reviewer; a kiosk enrolled and running on the console’s config', async () => {
    const ctx = await browser.newContext(touchContext(OFFICE_SIZES[0]))
    contexts.push(ctx)
    const admin = await ctx.newPage()
    await admin.goto(server.setupLink!)
    await expect.poll(() => admin.locator('input[name="setupToken"]').inputValue()).not.toBe('')
    await admin.fill('input[name="username"]', ADMIN.username)
    await admin.fill('input[name="displayName"]', ADMIN.displayName)
    await admin.fill('input[name="password"]', ADMIN.password)
    await admin.fill('input[name="password2"]', ADMIN.password)
    await admin.click('button[type="submit"]')
    await admin.waitForURL(/#\/fleet/)
    for (const u of [EDITOR, REVIEWER]) await apiPost(admin, '/api/users', u)
    village = (await apiGet<{ code: string }[]>(admin, '/api/villages'))[0]!.code
    const enrolled = await apiPost<{ config: Record<string, unknown> }>(admin, '/api/kiosks', { villageCode: village, place: '村便民服务大厅 1 号屏' })
    kioskConfig = { ...enrolled.config, pollSeconds: POLL_SECONDS }
    latestBefore = (await apiGet<{ revision: number }>(admin, `/api/villages/${village}/feed`)).revision

    kioskServer = await startKioskServer({ config: kioskConfig })
    const kctx = await browser.newContext(touchContext(LANDSCAPE))
    contexts.push(kctx)
    kiosk = await kctx.newPage()
    await kiosk.goto(`${kioskServer.url}#/status`)
    await expect.poll(() => kiosk.getByTestId('status-source-default').getByTestId('status-revision').textContent(), { timeout: 30_000 }).toBe(String(latestBefore))
  })

  let draftUrl = ''
  it('an editor writes the notice, pastes a finance table from a spreadsheet, attaches a PDF, fixes what the lint shows and submits', async () => {
    const page = await signIn(EDITOR)
    await page.goto(`${server.url}/#/publish/${village}`)
    await page.getByText(`一体机当前应为第 ${latestBefore} 版`).waitFor()
    await shot(page, '1-publish')
    await page.getByRole('link', { name: '新建公告' }).click()
    await page.waitForURL(/drafts\/new/)
    await page.fill('input[name="title"]', TITLE)
    await page.locator('select[name="category"]').selectOption({ label: '财务公开' })
    await page.locator('.rte__area').click()
    await page.keyboard.type('经村务监督委员会审核，现将11月村集体财务收支公开如下。')

    // paste what Excel copies: both flavours, as the browser delivers them
    await page.getByTestId('table-paste').focus()
    await page.getByTestId('table-paste').evaluate(
      (el, [html, tsv]) => {
        const dt = new DataTransfer()
        dt.setData('text/html', html!)
        dt.setData('text/plain', tsv!)
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
      },
      [CLIP_HTML, CLIP_TSV],
    )
    await page.getByText('已粘贴 4 行 2 列').waitFor()
    const sums = page.getByTestId('finance-sums')
    await expect.poll(() => sums.textContent()).toContain('期初 354647.33 + 收入 8000.00 − 支出 3200.00 = 359447.33')
    expect(await sums.textContent()).toContain('期末写的是 359347.33 ✗')

    await page.getByTestId('attach-file').setInputFiles({ name: '11月收支凭证.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') })
    await page.getByText('11月收支凭证.pdf').waitFor()

    // the server's lint (the CLI's) puts its finding beside the table, and submit waits for the fix
    const finding = page.getByTestId('findings').filter({ hasText: '期末写的是 359347.33' })
    await finding.waitFor({ timeout: 15_000 })
    expect(await page.getByRole('button', { name: '提交审核' }).isDisabled()).toBe(true)
    await page.setViewportSize(OFFICE_SIZES[1])
    await shot(page, '2-compose-lint')

    const closing = page.getByRole('textbox', { name: '期末余额 11月' })
    await closing.fill('359,447.33')
    await closing.press('Tab')
    await expect.poll(() => sums.textContent()).toContain('期末写的是 359447.33 ✓')
    await expect.poll(() => finding.count(), { timeout: 15_000 }).toBe(0)
    expect(await axeSerious(page)).toEqual([])
    await shot(page, '3-compose-fixed')
    await page.getByRole('button', { name: '提交审核' }).click()
    await page.getByText('已提交审核，请另一位审核人审核').waitFor()
    draftUrl = page.url()
    // the author cannot review it
    await page.getByRole('link', { name: '查看审核' }).click()
    await page.getByText('这是您写的公告，须由另一位审核人审核和发布').waitFor()
    expect(await page.getByRole('button', { name: '审核通过' }).count()).toBe(0)
  })

  it('a second user sees it as a kiosk will, with the diff in words, approves and publishes', async () => {
    const id = /drafts\/(\d+)/.exec(draftUrl)![1]
    const page = await signIn(REVIEWER)
    reviewerPage = page
    await page.setViewportSize(OFFICE_SIZES[1])
    await page.goto(`${server.url}/#/publish/${village}`)
    await page.getByRole('link', { name: TITLE }).click()
    await page.waitForURL(new RegExp(`review/${id}`))
    await expect.poll(() => page.getByTestId('changes').textContent()).toContain(`新增 公告 notice：`)
    expect(await page.getByTestId('changes').textContent()).toContain(TITLE)
    expect(await page.locator('.notice-preview').textContent()).toContain('359447.33')
    expect(await axeSerious(page)).toEqual([])
    await shot(page, '4-review')

    // 本机预览: the real kiosk app in a frame on the draft's feed, at both hall sizes
    await page.getByRole('link', { name: '本机预览' }).click()
    const frame = page.frameLocator('iframe.preview-frame')
    await frame.getByTestId('village-name').waitFor({ timeout: 30_000 })
    await page.locator('iframe.preview-frame').evaluate((f: HTMLIFrameElement) => (f.contentWindow!.location.hash = '#/notices'))
    await frame.getByTestId('notice-card').filter({ hasText: TITLE }).first().waitFor({ timeout: 30_000 })
    await shot(page, '4b-preview-1920x1080')
    await page.getByRole('button', { name: '1080×1920' }).click()
    expect(await page.locator('iframe.preview-frame').getAttribute('height')).toBe('1920')
    await shot(page, '4c-preview-1080x1920')
    await page.getByRole('link', { name: '← 返回审核' }).click()
    await page.getByRole('button', { name: '审核通过' }).click()
    await page.getByRole('button', { name: '签名并发布' }).click()
    await page.getByText(`已签名发布为第 ${latestBefore + 1} 版`).waitFor()
    await shot(page, '5-published')
  })

  it('the kiosk shows the notice, signature verified, within one poll; the fleet page shows it on the new revision', async () => {
    const section = kiosk.getByTestId('status-source-default')
    await expect.poll(() => section.getByTestId('status-revision').textContent(), { timeout: (POLL_SECONDS + 15) * 1000, interval: 1000 }).toBe(String(latestBefore + 1)).catch(async (e) => {
      console.log('DEBUG kiosk', await kiosk.locator('main').textContent(), kioskServer!.requests.slice(-20))
      throw e
    })
    expect(await section.getByTestId('signature-verified').textContent()).toContain('内容已通过签名校验')
    await kiosk.screenshot({ path: join(SHOTS, '6-kiosk-status.png') })
    await kiosk.goto(`${kioskServer!.url}#/notices`)
    await kiosk.getByTestId('notice-card').filter({ hasText: TITLE }).first().tap()
    await expect.poll(() => kiosk.getByTestId('notice-body').textContent()).toContain('经村务监督委员会审核')
    await kiosk.screenshot({ path: join(SHOTS, '7-kiosk-notice.png') })
    // a restart sends a heartbeat at once, with the revision it now shows
    await kiosk.reload()
    await kiosk.getByTestId('notice-body').waitFor()

    const page = reviewerPage
    await page.goto(`${server.url}/#/fleet`)
    const row = page.locator(`tr[data-row="${String(kioskConfig.kioskId)}"]`)
    await expect
      .poll(async () => {
        await page.getByRole('button', { name: '刷新' }).click()
        return row.locator('[data-revision="latest"]').count()
      }, { timeout: (POLL_SECONDS + 15) * 1000, interval: 1000 })
      .toBe(1)
    const fleet = await apiGet<{ kiosks: { id: string; contentRevision: number | null }[] }>(page, '/api/fleet')
    expect(fleet.kiosks.find((k) => k.id === kioskConfig.kioskId)!.contentRevision).toBe(latestBefore + 1)
    await shot(page, '8-fleet')
  })
  it('the checklist: an editor corrects a row inline (the validator’s finding under it blocks submit) and submits; the reviewer publishes it', async () => {
    const page = await signIn(EDITOR)
    await page.goto(`${server.url}/#/publish/${village}`)
    await page.getByRole('link', { name: '编辑公开清单' }).click()
    await page.waitForURL(/checklist\/new/)
    const rows = page.getByTestId('checklist-rows')
    const title = rows.getByRole('textbox', { name: '事项' }).first()
    await expect.poll(() => title.inputValue()).toBe('村党组织设置及班子成员分工')
    // an id with a space is not one the feed accepts: the finding shows under the row, submit is blocked
    const id = rows.getByRole('textbox', { name: '编号' }).first()
    await id.fill('DW 01')
    await rows.getByTestId('findings').first().waitFor()
    expect(await page.getByRole('button', { name: '提交审核' }).isDisabled()).toBe(true)
    await id.fill('DW-01')
    await title.fill('村党组织设置及“两委”班子成员分工')
    await expect.poll(() => rows.getByTestId('findings').count()).toBe(0)
    await page.getByRole('button', { name: '提交审核' }).click()
    await page.getByText('已提交审核，请另一位审核人审核').waitFor()
    await shot(page, '9-checklist')

    const reviewer = reviewerPage
    await reviewer.goto(`${server.url}/#/publish/${village}`)
    await reviewer.getByRole('link', { name: '公开事项清单' }).click()
    await expect.poll(() => reviewer.getByTestId('changes').textContent()).toContain('两委')
    await reviewer.getByRole('button', { name: '审核通过' }).click()
    await reviewer.getByRole('button', { name: '签名并发布' }).click()
    await reviewer.getByText(`已签名发布为第 ${latestBefore + 2} 版`).waitFor()
    const feed = await apiGet<{ document: { _gongkai: { checklist: { id: string; title: string }[] } } }>(reviewer, `/api/villages/${village}/feed`)
    expect(feed.document._gongkai.checklist[0]).toEqual(expect.objectContaining({ id: 'DW-01', title: '村党组织设置及“两委”班子成员分工' }))
  })
})
