/**
 * axe-core, injected into the built app, on every route in both themes:
 * no serious or critical violations. The per-route results are written to
 * test-results/a11y.json for the closing report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { launchBrowser, touchContext } from './support/browser'
import { DIST, startKioskServer, type KioskServer } from './support/kioskServer'

const AXE = join(__dirname, '../../node_modules/axe-core/axe.min.js')
const RESULTS = join(__dirname, '../../test-results/a11y.json')
const demo = JSON.parse(readFileSync(join(DIST, 'demo/feed.json'), 'utf8'))
const finance = demo.items.find((i: { _gongkai?: { table?: { kind: string }; expires?: string } }) => i._gongkai?.table?.kind === 'finance' && Date.parse(i._gongkai.expires ?? '') > Date.now())

/** every screen a resident (or the township technician) can reach, with what shows it is ready */
const ROUTES: [route: string, ready: string][] = [
  ['/', 'tile-checklist'],
  ['/checklist', 'checklist-item'],
  [`/checklist/${finance._gongkai.checklist_item}`, 'checklist-item-title'],
  ['/notices', 'notice-card'],
  ['/notices/archive', 'notice-card'],
  [`/notices/${finance.id}`, 'notice-table'],
  ['/handbook', 'chapter-link'],
  [`/handbook/${demo._gongkai.handbook.chapters[0].id}`, 'chapter-title'],
  ['/status', 'nav-back'],
]

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

let browser: Browser
let server: KioskServer
let page: Page
const report: Record<string, Record<string, { violations: string[]; serious: string[] }>> = {}

beforeAll(async () => {
  browser = await launchBrowser()
  server = await startKioskServer()
  // axe is injected as an inline script: the app's CSP would rightly refuse it
  // reduced motion: axe must judge the settled colours, not a theme change mid-transition
  const context = await browser.newContext({ ...touchContext(), bypassCSP: true, reducedMotion: 'reduce' })
  page = await context.newPage()
  await page.goto(server.url)
  await page.getByTestId('tile-checklist').waitFor({ timeout: 20_000 })
  await page.waitForFunction((name) => document.querySelector('[data-testid="village-name"]')?.textContent === name, demo._gongkai.village.name, { timeout: 20_000 })
})

afterAll(async () => {
  mkdirSync(join(RESULTS, '..'), { recursive: true })
  writeFileSync(RESULTS, JSON.stringify(report, null, 2))
  await browser?.close()
  await server?.close()
})

/** In the high-contrast theme the AAA contrast rule (7:1) is on as well. */
async function axe(p: Page, enhancedContrast = false): Promise<AxeViolation[]> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.addScriptTag({ path: AXE })
  return p.evaluate(async (enhanced) => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }
    const r = await w.axe.run(document, { resultTypes: ['violations'], rules: { 'color-contrast-enhanced': { enabled: enhanced } } })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))
  }, enhancedContrast)
}

async function setTheme(theme: 'default' | 'contrast') {
  await page.getByTestId('nav-display').tap()
  await page.getByTestId(`theme-${theme}`).tap()
  await page.getByTestId('display-close').tap()
  expect(await page.evaluate(() => document.documentElement.dataset.theme ?? 'default')).toBe(theme)
}

for (const theme of ['default', 'contrast'] as const) {
  describe(`axe, ${theme} theme`, () => {
    it('reports no serious or critical violation on any route', async () => {
      await page.goto(`${server.url}#/`)
      await setTheme(theme)
      const failures: string[] = []
      for (const [route, ready] of ROUTES) {
        await page.evaluate((r) => (location.hash = `#${r}`), route)
        await page.getByTestId(ready).first().waitFor({ timeout: 10_000 })
        const violations = await axe(page, theme === 'contrast')
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        ;(report[theme] ??= {})[route] = { violations: violations.map((v) => `${v.id} (${v.impact})`), serious: serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`) }
        for (const v of serious) failures.push(`${route} ${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
      }
      // the take-home QR dialog, over a notice
      await page.evaluate((id) => (location.hash = `#/notices/${id}`), finance.id)
      await page.getByTestId('take-home').tap()
      await page.getByTestId('qr-image').waitFor()
      for (const v of (await axe(page, theme === 'contrast')).filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
        failures.push(`take-home-qr ${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
      }
      await page.getByTestId('qr-close').tap()
      // the display settings panel itself
      await page.getByTestId('nav-display').tap()
      const panel = (await axe(page, theme === 'contrast')).filter((v) => v.impact === 'serious' || v.impact === 'critical')
      for (const v of panel) failures.push(`display-settings ${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
      await page.getByTestId('display-close').tap()
      expect(failures).toEqual([])
    })
  })
}
