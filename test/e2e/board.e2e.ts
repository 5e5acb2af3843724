/**
 * A long board (600 open notices, so only the rows near the screen are in the
 * DOM): the cards a resident sees are whole and never overlap, at the top and
 * far down; a card opens its own notice; back returns to the same place with
 * the same cards (the board is kept alive); a text size chosen on the notice
 * leaves the board's cards whole when the resident comes back, and so does
 * one chosen on the board itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { LANDSCAPE, launchBrowser, touchContext } from './support/browser'
import { startKioskServer, type KioskServer } from './support/kioskServer'
import { screenshot } from './support/kiosk'
import { generateFeed } from '../../bench/lib/feedGen.mjs'

const FEED = '/board/feed.json'
const feed = generateFeed({ items: 600, now: Date.now(), openEvery: 1 })
const titles = new Map(feed.items.map((n) => [String(n.id), String(n.title)]))

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 })

let browser: Browser
let server: KioskServer

beforeAll(async () => {
  browser = await launchBrowser()
  server = await startKioskServer({ config: { feedUrl: FEED, pollSeconds: 3600 } })
  server.setRoute(FEED, feed)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** The cards on screen, top to bottom: their notice ids and whether any two overlap or a card is cut short. */
function cardsOnScreen(page: Page) {
  return page.evaluate(() => {
    const cards = [...document.querySelectorAll<HTMLElement>('[data-testid=notice-card]')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.bottom > 0 && r.top < innerHeight)
    const overlaps = cards.some((a, i) => cards.some((b, j) => i < j && a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom))
    // a card's content fits in it (no date line spilling into the next card)
    const cut = cards.some(({ el }) => el.scrollHeight > el.clientHeight + 1)
    const ids = cards.map(({ el }) => decodeURIComponent(el.getAttribute('href')!.replace('#/notices/', '')))
    return { ids, overlaps, cut, scrollY: Math.round(scrollY) }
  })
}

describe('the long notice board', () => {
  it('shows whole cards at the top and far down, opens the tapped notice, comes back to the same place, survives a text size change', async () => {
    const context = await browser.newContext(touchContext(LANDSCAPE))
    const page = await context.newPage()
    await page.goto(`${server.url}#/`)
    await page.getByTestId('tile-notices').tap()
    await poll(() => page.getByTestId('notice-card').count()).toBeGreaterThan(3)
    // virtualised: a few rows of cards, not 600
    expect(await page.getByTestId('notice-card').count()).toBeLessThan(60)
    const top = await cardsOnScreen(page)
    expect(top).toMatchObject({ overlaps: false, cut: false })

    // far down the board
    await page.evaluate(() => scrollTo(0, 20_000))
    await poll(async () => (await cardsOnScreen(page)).ids.length).toBeGreaterThan(3)
    const far = await cardsOnScreen(page)
    expect(far).toMatchObject({ overlaps: false, cut: false, scrollY: 20_000 })
    expect(new Set(far.ids).size).toBe(far.ids.length)
    expect(far.ids.some((id) => top.ids.includes(id))).toBe(false)
    await screenshot(page, 'board-far-down')

    // the card in the middle of the screen opens its own notice
    const id = await page.evaluate(() => decodeURIComponent(document.elementFromPoint(innerWidth / 3, innerHeight / 2)!.closest('a')!.getAttribute('href')!.replace('#/notices/', '')))
    await page.locator(`a[href="#/notices/${encodeURIComponent(id)}"]`).tap()
    await poll(() => page.getByTestId('notice-title').textContent()).toBe(titles.get(id))

    // back: the same place, the same cards
    await page.getByTestId('nav-back').tap()
    await poll(() => cardsOnScreen(page)).toEqual(far)

    // extra-large text chosen on a notice; back on the board the cards are whole again
    await page.locator(`a[href="#/notices/${encodeURIComponent(far.ids[0]!)}"]`).tap()
    await poll(() => page.getByTestId('notice-title').isVisible()).toBe(true)
    await page.getByTestId('nav-display').tap()
    await page.getByTestId('text-xlarge').tap()
    await page.getByTestId('display-close').tap()
    await page.getByTestId('nav-back').tap()
    await poll(() => page.getByTestId('notice-card').count()).toBeGreaterThan(0)
    await poll(async () => {
      const c = await cardsOnScreen(page)
      return c.ids.length > 0 && !c.overlaps && !c.cut
    }).toBe(true)
    await screenshot(page, 'board-far-down-xlarge')

    // and back to the standard size while on the board: two columns again, whole cards
    await page.getByTestId('nav-display').tap()
    await page.getByTestId('text-standard').tap()
    await page.getByTestId('display-close').tap()
    await poll(async () => {
      const c = await cardsOnScreen(page)
      return c.ids.length > 3 && !c.overlaps && !c.cut
    }).toBe(true)
    await context.close()
  })
})
