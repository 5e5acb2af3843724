/** Steps on the township web console: axe, screenshots at the office sizes, the API as the signed-in page sees it. */
import type { Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { ARTIFACTS } from './kiosk'

const AXE = join(__dirname, '../../../node_modules/axe-core/axe.min.js')

export const OFFICE_SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; html: string }[]
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }
    return (await w.axe.run(document, { resultTypes: ['violations'] })).violations
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ ...v, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 160) })) }))
}

/** test-results/screenshots/console-<name>-<width>.png at 1366×768 and 1920×1080 (whole page), back to 1366 after. */
export async function shootBothSizes(page: Page, name: string) {
  const dir = join(ARTIFACTS, 'console')
  mkdirSync(dir, { recursive: true })
  for (const size of [...OFFICE_SIZES].reverse()) {
    await page.setViewportSize(size)
    await page.waitForTimeout(150)
    await page.screenshot({ path: join(dir, `${name}-${size.width}.png`) })
  }
}

/** A GET to the console API with the page's session cookie. */
export function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const r = await fetch(p, { headers: { accept: 'application/json' } })
    if (!r.ok) throw new Error(`${p}: HTTP ${r.status} ${await r.text()}`)
    return r.json()
  }, path) as Promise<T>
}
