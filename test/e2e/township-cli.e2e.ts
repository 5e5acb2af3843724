/**
 * From the township's desk to the hall: two villages made with gongkai-feed
 * (init → build → sign), served as a static host would, shown by one kiosk
 * that trusts the key. Residents pick a village on the home screen; #/status
 * lists both as verified and names the notice whose phone number the kiosk
 * masked; the whole tour runs under the strict CSP with no violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { launchBrowser, touchContext, PORTRAIT } from './support/browser'
import { startKioskServer, type KioskServer } from './support/kioskServer'
import { openStatus, screenshot } from './support/kiosk'
import { main } from '../../cli/main'
import type { Io } from '../../cli/io'

let root: string
let server: KioskServer
let browser: Browser
let page: Page
const violations: string[] = []

const quiet: Io = { out: () => undefined, err: (l) => console.error(l), now: () => new Date() }
async function cli(...argv: string[]) {
  expect(await main(argv, quiet), argv.join(' ')).toBe(0)
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
}

/** serves a built folder under /feeds/<id>/ the way any static host would */
function host(id: string, out: string) {
  for (const f of walk(out)) server.setRoute(`/feeds/${id}/${relative(out, f)}`, readFileSync(f), f.endsWith('.json') ? 'application/json' : 'application/octet-stream')
}

async function makeVillage(id: string, name: string, edit?: (src: string) => void): Promise<string> {
  const src = join(root, id)
  await cli('init', src)
  const vj = join(src, 'village.json')
  writeFileSync(vj, readFileSync(vj, 'utf8').replaceAll('青石村', name).replace('340000000001', id === 'qingshi' ? '340000000001' : '340000000002'))
  edit?.(src)
  const out = join(root, `${id}-out`)
  await cli('build', src, '-o', out)
  await cli('sign', join(out, 'feed.json'), '--key', join(root, 'keys', 'gongkai-private.key'))
  await cli('verify', join(out, 'feed.json'), '--pubkey-file', join(root, 'keys', 'gongkai-public.key'))
  return out
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gongkai-township-'))
  await cli('keygen', '-o', join(root, 'keys'))
  const publicKey = readFileSync(join(root, 'keys', 'gongkai-public.key'), 'utf8').trim()
  const qingshi = await makeVillage('qingshi', '青石村')
  // 白石村 publishes a phone number on purpose (lint_ignore): the kiosk still masks it
  const baishi = await makeVillage('baishi', '白石村', (src) => {
    const n = join(src, 'notices', 'N-003-停水通知.md')
    writeFileSync(n, readFileSync(n, 'utf8').replace('urgent: true', 'urgent: true\nlint_ignore: [privacy]'))
    appendFileSync(n, '\n抢修负责人电话 13812345678。\n')
  })
  server = await startKioskServer({
    config: {
      feeds: [
        { id: 'qingshi', url: 'feeds/qingshi/feed.json', name: '青石村', publicKey },
        { id: 'baishi', url: 'feeds/baishi/feed.json', name: '白石村', publicKey },
      ],
      pollSeconds: 3600,
    },
  })
  host('qingshi', qingshi)
  host('baishi', baishi)
  browser = await launchBrowser()
  page = await (await browser.newContext(touchContext())).newPage()
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`))
  })
  page.on('console', (m) => {
    if (m.type() === 'error' && /CSP violation|Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text())
  })
  page.on('pageerror', (e) => violations.push(`page error: ${e.message}`))
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (root) rmSync(root, { recursive: true, force: true })
})

describe('feeds built by gongkai-feed on a kiosk with several villages', () => {
  it('accepts both signed feeds, lets residents pick a village, masks the phone number, all under the CSP', async () => {
    const response = await page.goto(`${server.url}#/`)
    const csp = response?.headers()['content-security-policy'] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/)

    const picker = page.getByTestId('village-picker')
    await expect.poll(() => page.getByTestId('village-baishi').isEnabled(), { timeout: 30_000 }).toBe(true)
    await expect.poll(() => page.getByTestId('village-qingshi').isEnabled(), { timeout: 30_000 }).toBe(true)
    expect(await picker.textContent()).toContain('白石村')
    const box = await page.getByTestId('village-baishi').boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(60)
    await screenshot(page, 'township-home-picker')

    await page.getByTestId('village-baishi').tap()
    expect(await page.getByTestId('village-baishi').getAttribute('aria-pressed')).toBe('true')
    await page.getByTestId('tile-notices').tap()
    await page.getByTestId('notice-card').filter({ hasText: '停水通知' }).first().tap()
    await expect.poll(() => page.getByTestId('notice-body').textContent()).toContain('138****5678')
    expect(await page.locator('main').textContent()).not.toContain('13812345678')
    await page.getByTestId('nav-home').tap()

    await page.getByTestId('village-qingshi').tap()
    await page.getByTestId('tile-notices').tap()
    await page.getByTestId('notice-card').filter({ hasText: '财务收支公开' }).first().tap()
    await expect.poll(() => page.getByTestId('notice-body').textContent()).toContain('期末余额')
    // the PDF attachment renders from the stored copy (pdf.js, no eval) under the CSP
    await page.getByTestId('attachment-pdf').tap()
    await page.getByTestId('pdf-canvas').waitFor({ state: 'visible', timeout: 20_000 })
    await screenshot(page, 'township-pdf-under-csp')
    await page.getByTestId('pdf-close').tap()
    await page.getByTestId('nav-home').tap()
    await page.getByTestId('tile-checklist').tap()
    await expect.poll(() => page.getByTestId('checklist-item').count()).toBe(4)
    await page.getByTestId('nav-home').tap()
    await page.getByTestId('tile-handbook').tap()
    await page.getByTestId('chapter-link').first().tap()
    await expect.poll(() => page.locator('main').textContent()).toContain('村民委员会组织法')
    await page.getByTestId('nav-home').tap()

    await openStatus(page)
    for (const id of ['qingshi', 'baishi']) {
      const section = page.getByTestId(`status-source-${id}`)
      await expect.poll(() => section.getByTestId('status-revision').textContent()).toBe('1')
      expect(await section.getByTestId('signature-verified').count(), id).toBe(1)
    }
    const findings = page.getByTestId('status-source-baishi').getByTestId('privacy-finding')
    expect(await findings.count()).toBe(1)
    expect(await findings.textContent()).toContain('N-003')
    expect(await findings.textContent()).toContain('手机号码')
    expect(await page.getByTestId('status-source-qingshi').getByTestId('privacy-findings').count()).toBe(0)
    await screenshot(page, 'township-status-two-villages')

    // one village's host serves altered content: only that village refuses it, the other is untouched
    const altered = JSON.parse(readFileSync(join(root, 'baishi-out', 'feed.json'), 'utf8'))
    altered._gongkai.revision = 2
    altered.items[0].title = '伪造的公示'
    server.setRoute('/feeds/baishi/feed.json', JSON.stringify(altered), 'application/json')
    await page.getByTestId('sync-now').click()
    const baishiError = page.getByTestId('status-source-baishi').getByTestId('status-last-error')
    await expect.poll(() => baishiError.textContent(), { timeout: 20_000 }).toContain('签名校验未通过')
    expect(await page.getByTestId('status-source-baishi').getByTestId('signature-refused').count()).toBe(1)
    expect(await page.getByTestId('status-source-baishi').getByTestId('status-revision').textContent()).toBe('1')
    expect(await page.getByTestId('status-source-qingshi').getByTestId('status-last-error').textContent()).toContain('无错误')

    await page.setViewportSize(PORTRAIT)
    await page.getByTestId('nav-home').tap()
    await screenshot(page, 'township-home-picker-portrait')
    expect(violations).toEqual([])
  })
})
