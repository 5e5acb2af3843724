/**
 * Kill the browser in the middle of steady typing (issue 18 item 5): the
 * draft is written at most every 300 ms while typing goes on, so after a kill
 * -9 (a power cut for the page) the form comes back with everything but, at
 * most, the characters of the last ~0.5 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { launchPersistent, tempProfile } from './support/browser'
import { startKioskServer, type KioskServer } from './support/kioskServer'
import { enterPin as pinPad } from './support/clerkSteps'
import { browserPid, cutPower } from './support/powerCut'

const PIN = '135799'
/** what may be lost: the draft interval (300 ms) plus a write in flight */
const LOSS_WINDOW_MS = 600
let server: KioskServer
let profile: ReturnType<typeof tempProfile>
let context: BrowserContext
let page: Page
const figures: string[] = []

async function open() {
  context = await launchPersistent(profile.dir)
  page = context.pages()[0] ?? (await context.newPage())
}

beforeAll(async () => {
  server = await startKioskServer({ config: { feedUrl: 'demo/feed.json' } })
  profile = tempProfile()
  await open()
})

afterAll(async () => {
  console.log(`kill mid-typing:\n${figures.join('\n')}`)
  await context?.close().catch(() => {})
  await server?.close()
  profile?.remove()
})

async function openNoticeForm(first: boolean) {
  await page.goto(`${server.url}#/clerk`)
  // a fresh load: clerk mode starts locked
  await page.reload()
  await page.getByTestId('pin-pad').waitFor({ timeout: 30_000 })
  await pinPad(page, PIN)
  if (first) await pinPad(page, PIN)
  await page.getByTestId('clerk-nav-notices').waitFor()
  await page.goto(`${server.url}#/clerk/notices/new`)
  await page.getByTestId('notice-text-input').waitFor()
}

describe('a draft typed steadily survives a killed browser', () => {
  it.each([
    [1, 160, 25],
    [2, 90, 40],
  ])('kill %i: a key every %i ms, %i keys', async (round, every, keys) => {
    await openNoticeForm(round === 1)
    const box = () => page.getByTestId('notice-text-input')
    await box().fill('')
    await box().focus()
    let typed = ''
    const at: number[] = []
    // found before typing: the kill comes right after the last key
    const pid = browserPid(profile.dir)
    for (let i = 0; i < keys; i++) {
      const ch = String.fromCharCode(0x4e00 + ((i * 7 + round) % 500))
      const t0 = Date.now()
      await page.keyboard.insertText(ch)
      typed += ch
      at.push(Date.now())
      const wait = every - (Date.now() - t0)
      if (wait > 0 && i < keys - 1) await new Promise((r) => setTimeout(r, wait))
    }
    const killedAt = Date.now()
    await cutPower(context, profile.dir, pid)

    await open()
    await openNoticeForm(false)
    await page.getByTestId('draft-restored').waitFor({ timeout: 15_000 }).catch(() => undefined)
    const back = await box().inputValue()
    expect(typed.startsWith(back)).toBe(true)
    const lost = typed.length - back.length
    // every lost key was typed within the last LOSS_WINDOW_MS before the kill
    const oldestLostMs = lost ? killedAt - at[back.length]! : 0
    figures.push(`  ${keys} keys every ${every} ms: ${lost} lost (the oldest typed ${oldestLostMs} ms before the kill)`)
    expect(oldestLostMs).toBeLessThanOrEqual(LOSS_WINDOW_MS)
    expect(back.length).toBeGreaterThan(0)
  })
})
