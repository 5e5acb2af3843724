/**
 * Issue 17, the resident's screens on real hall machines, at 1920×1080 and
 * 1080×1920 in Debian's Chromium: honest freshness messages (refused feed,
 * offline), #/status kept for staff, finance tables that fit or say they
 * scroll, years on dates that are not this year's, take-home QR text with the
 * masks exactly as on screen, ℃ ① ㎡ drawn with real glyphs, and a browser
 * below the floor told so instead of reloading. Date fields read 年/月/日 with
 * the kiosk's own flags.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CHROMIUM, CHROMIUM_ARGS, LANDSCAPE, launchBrowser, PORTRAIT, touchContext } from './support/browser'
import { DIST, startKioskServer, type KioskServer } from './support/kioskServer'
import { openStatus, screenshot, waitForServiceWorker } from './support/kiosk'
import { baseFeed } from '../support/feeds'

const SIZES = [
  { name: 'landscape', viewport: LANDSCAPE },
  { name: 'portrait', viewport: PORTRAIT },
] as const
const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) => expect.poll(fn, { timeout })
const demo = JSON.parse(readFileSync(join(DIST, 'demo/feed.json'), 'utf8'))
const NEXT_YEAR = new Date().getFullYear() + 1
/** words that are for staff only: never on a resident's screen */
const STAFF_WORDS = /config|配置|签名|signature|feed|格式有误|联网后/i

let server: KioskServer
let browser: Browser

beforeAll(async () => {
  server = await startKioskServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function open(viewport: { width: number; height: number }, hash = '') {
  const context = await browser.newContext(touchContext(viewport))
  const page = await context.newPage()
  await page.goto(`${server.url}${hash}`)
  return { context, page }
}

/** what a resident reads: header, the freshness line and the screen */
const residentText = (page: Page) => page.evaluate(() => document.body.innerText)

describe('freshness messages say only what helps a resident', () => {
  it.each(SIZES)('feed refused with nothing stored: 内容正在更新; #/status is not offered but a long press opens it ($name)', async ({ name, viewport }) => {
    server.setConfig({ feedUrl: 'refused/feed.json', pollSeconds: 3600 })
    server.setRoute('/refused/feed.json', '<html>portal</html>', 'text/html')
    const { context, page } = await open(viewport)
    try {
      await poll(() => page.getByTestId('resident-notice').textContent()).toContain('内容正在更新')
      // the line rests on the bottom bar, out of the page's flow: its coming and going never moves the screen
      const [header, main, line, bar] = await Promise.all(['header', 'main', '[data-testid=resident-notice]', 'nav.nav-bar'].map((s) => page.locator(s).first().boundingBox()))
      expect(main!.y).toBeCloseTo(header!.y + header!.height, 0)
      expect(line!.y + line!.height).toBeLessThanOrEqual(bar!.y + 2)
      expect(line!.y + line!.height).toBeGreaterThan(bar!.y - 2)
      // and the page keeps room for it, so its last lines can still be scrolled into view above the line
      // home's own page (main > .page): the board built ahead out of sight comes first in <main> once it mounts,
      // and `main .page` then found its page instead (a CI run read the detached first one's NaN)
      const room = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main > .page')!).paddingBottom))
      await poll(room).toBeGreaterThanOrEqual(bar!.height + line!.height)
      expect(await residentText(page)).not.toMatch(STAFF_WORDS)
      expect(await page.getByTestId('status-link').count()).toBe(0)
      // the board does not claim that nothing is under 公示: it has not had any content yet
      await page.evaluate(() => (location.hash = '#/notices'))
      await poll(() => page.getByTestId('board-empty').textContent()).toBe('这里还没有内容')
      await page.evaluate(() => (location.hash = '#/'))
      await screenshot(page, `hall-refused-empty-${name}`)
      await openStatus(page)
      await poll(() => page.getByTestId('status-last-error').count()).toBeGreaterThan(0)
    } finally {
      await context.close()
      server.setConfig(null)
    }
  })

  it.each(SIZES)('content stored, then the feed refused: which day the content is from ($name)', async ({ name, viewport }) => {
    server.setConfig({ feedUrl: 'flaky/feed.json', pollSeconds: 3600 })
    server.setRoute('/flaky/feed.json', baseFeed(1))
    const { context, page } = await open(viewport)
    try {
      await poll(() => page.getByTestId('village-name').textContent()).toBe('青石村')
      expect(await page.getByTestId('resident-notice').count()).toBe(0)
      server.setRoute('/flaky/feed.json', '{"version": truncated')
      await page.reload()
      // the kiosk's day (the browser runs in Asia/Shanghai), not the test runner's UTC day
      const [month, day] = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' }).format(new Date()).split('/')
      await poll(() => page.getByTestId('resident-notice').textContent()).toBe(`本机暂时无法获取新内容，正在显示${month}月${day}日的内容`)
      expect(await residentText(page)).not.toMatch(STAFF_WORDS)
      await screenshot(page, `hall-refused-stale-${name}`)
    } finally {
      await context.close()
      server.setConfig(null)
    }
  })

  it.each(SIZES)('offline with a stored config: no config banner, only the day of the content ($name)', async ({ name, viewport }) => {
    const { context, page } = await open(viewport)
    try {
      await waitForServiceWorker(page)
      await poll(() => page.getByTestId('village-name').textContent()).toBe(demo._gongkai.village.name)
      await context.setOffline(true)
      await page.reload()
      await poll(() => page.getByTestId('offline-badge').isVisible()).toBe(true)
      await poll(() => page.getByTestId('resident-notice').textContent()).toMatch(/^本机暂时无法获取新内容，正在显示\d+月\d+日的内容$/)
      expect(await page.getByTestId('config-problem').count()).toBe(0)
      expect(await residentText(page)).not.toMatch(STAFF_WORDS)
      await screenshot(page, `hall-offline-${name}`)
    } finally {
      await context.close()
    }
  })
})

describe('finance tables', () => {
  it.each(SIZES)('查看明细表 near the top; the last column visible or cued, amounts grouped and right-aligned; chart labels whole ($name)', async ({ name, viewport }) => {
    const { context, page } = await open(viewport, '#/notices/N2026-098')
    try {
      const jump = page.getByTestId('jump-table')
      await poll(() => jump.isVisible()).toBe(true)
      expect((await jump.boundingBox())!.y).toBeLessThan(viewport.height / 2)
      await screenshot(page, `hall-finance-top-${name}`)
      await jump.tap()
      const wrap = page.getByTestId('notice-table-wrap')
      await poll(async () => (await wrap.boundingBox())!.y).toBeLessThan(viewport.height / 3)
      const lastHead = page.locator('[data-testid="notice-table"] thead th').last()
      const inView = async () => {
        const w = (await wrap.boundingBox())!
        const h = (await lastHead.boundingBox())!
        return h.x >= w.x - 1 && h.x + h.width <= w.x + w.width + 1
      }
      if (!(await inView())) {
        // cut off: the cue says so, and 向右 brings the last column into view
        expect(await page.getByTestId('table-scroll-cue').isVisible()).toBe(true)
        for (let i = 0; i < 6 && !(await inView()); i++) {
          await page.getByTestId('table-right').tap()
          await page.waitForTimeout(400)
        }
        await poll(inView).toBe(true)
      }
      await screenshot(page, `hall-finance-table-${name}`)
      const amounts = await page.locator('[data-testid="notice-table"] td.num').allTextContents()
      expect(amounts.length).toBeGreaterThan(4)
      expect(amounts.some((a) => /^\d{1,3}(,\d{3})+\.\d{2}$/.test(a.trim()))).toBe(true)
      expect(await page.locator('[data-testid="notice-table"] td.num').first().evaluate((td) => getComputedStyle(td).textAlign)).toBe('right')
      const cut = await page.locator('[data-testid="finance-chart"] .label').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length)
      expect(cut).toBe(0)
    } finally {
      await context.close()
    }
  })

  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`)
  const tables = () =>
    baseFeed(1, {
      notices: [
        {
          id: 'T-1',
          title: '村集体资产处置结果',
          content_text: '结果如下。',
          date_published: '2026-11-24T09:00:00+08:00',
          _gongkai: { category: 'village', table: { columns: ['项目', '年份', '金额（元）'], rows: [{ cells: ['旧村部出租', '2026', '120000.00'] }] } },
        },
        {
          id: 'T-2',
          title: '全年各月收支明细',
          content_text: '逐月明细如下。',
          date_published: '2026-11-24T09:00:00+08:00',
          _gongkai: {
            category: 'finance',
            table: { kind: 'finance', unit: '元', columns: ['项目', ...months, '全年合计'], rows: [{ kind: 'income', cells: ['经营收入（集体茶园代加工服务费）', ...months.map(() => 123456.78), 1481481.36] }] },
          },
        },
      ],
    })

  it('a table wider than a portrait screen: the cue shows, 向右 brings the last column (全年合计) into view', async () => {
    server.setConfig({ feedUrl: 'plain/feed.json', pollSeconds: 3600 })
    server.setRoute('/plain/feed.json', tables())
    const { context, page } = await open(PORTRAIT, '#/notices/T-2')
    try {
      const cue = page.getByTestId('table-scroll-cue')
      await poll(() => cue.isVisible()).toBe(true)
      await page.getByTestId('jump-table').tap()
      const wrap = page.getByTestId('notice-table-wrap')
      const last = page.locator('[data-testid="notice-table"] thead th').last()
      const lastVisible = async () => (await last.boundingBox())!.x + (await last.boundingBox())!.width <= (await wrap.boundingBox())!.x + (await wrap.boundingBox())!.width + 1
      expect(await lastVisible()).toBe(false)
      await screenshot(page, 'hall-wide-table-portrait')
      for (let i = 0; i < 8 && !(await lastVisible()); i++) {
        await page.getByTestId('table-right').tap()
        await page.waitForTimeout(400)
      }
      expect(await lastVisible()).toBe(true)
      // the label column stayed in place
      const label = (await page.locator('[data-testid="notice-table"] tbody th').first().boundingBox())!
      expect(label.x).toBeGreaterThanOrEqual((await wrap.boundingBox())!.x - 1)
      expect(await page.getByTestId('table-right').isDisabled()).toBe(true)
      await screenshot(page, 'hall-wide-table-portrait-end')
    } finally {
      await context.close()
      server.setConfig(null)
    }
  })

  it('a table without a kind shows text amounts like amounts (120,000.00, right-aligned)', async () => {
    const feed = tables()
    server.setConfig({ feedUrl: 'plain/feed.json', pollSeconds: 3600 })
    server.setRoute('/plain/feed.json', feed)
    const { context, page } = await open(LANDSCAPE, '#/notices/T-1')
    try {
      const cells = page.locator('[data-testid="notice-table"] tbody td')
      await poll(() => cells.allTextContents()).toEqual(['2026', '120,000.00'])
      expect(await cells.last().evaluate((td) => getComputedStyle(td).textAlign)).toBe('right')
    } finally {
      await context.close()
      server.setConfig(null)
    }
  })
})

describe('dates and masks', () => {
  const feed = () =>
    baseFeed(1, {
      notices: [
        {
          id: 'Y-1',
          title: '低保对象公示（跨年）',
          content_text: `申请人吴*磊，身份证号 11010519491231002X，联系电话 13812345678。`,
          date_published: '2026-11-24T09:00:00+08:00',
          _gongkai: { category: 'village', expires: `${NEXT_YEAR}-01-14T18:00:00+08:00` },
        },
        { id: 'Y-2', title: '长期公示的规划', content_text: '规划如下。', date_published: '2026-11-20T09:00:00+08:00', _gongkai: { category: 'village', expires: '2099-12-31T18:00:00+08:00' } },
      ],
    })

  it.each(SIZES)('a date next year shows its year; a far end reads 长期公示; the QR text keeps the masks as on screen ($name)', async ({ name, viewport }) => {
    server.setConfig({ feedUrl: 'dates/feed.json', pollSeconds: 3600 })
    server.setRoute('/dates/feed.json', feed())
    const { context, page } = await open(viewport, '#/notices')
    try {
      await poll(() => page.getByTestId('notice-card').allTextContents()).toContainEqual(expect.stringContaining('公示中 · 长期公示'))
      await page.goto(`${server.url}#/notices/Y-1`)
      await poll(() => page.getByTestId('objection').textContent()).toContain(`请于${NEXT_YEAR}年1月14日前`)
      const body = (await page.getByTestId('notice-body').textContent())!
      expect(body).toContain('110105********002X')
      expect(body).toContain('138****5678')
      expect(body).not.toContain('19491231')
      await page.getByTestId('take-home').tap()
      await poll(() => page.getByTestId('qr-image').isVisible()).toBe(true)
      const payload = (await page.getByTestId('qr-dialog').getAttribute('data-payload'))!
      expect(payload).toContain(body.trim())
      expect(payload).toContain('吴*磊')
      await screenshot(page, `hall-take-home-masked-${name}`)
    } finally {
      await context.close()
      server.setConfig(null)
    }
  })
})

describe('read-aloud', () => {
  it('reads a masked number as words (身份证号已隐藏, 手机尾号 5678), never star by star', async () => {
    server.setConfig({ feedUrl: 'speech/feed.json', pollSeconds: 3600 })
    server.setRoute('/speech/feed.json', baseFeed(1, { notices: [{ id: 'S-1', title: '低保公示', content_text: '吴*磊，身份证号 11010519491231002X，电话 13812345678。', date_published: '2026-11-24T09:00:00+08:00', _gongkai: { category: 'village' } }] }))
    const context = await browser.newContext(touchContext(LANDSCAPE))
    // a Chinese voice that writes down what it is given (headless Chromium has no voices)
    await context.addInitScript(() => {
      const spoken: string[] = ((window as unknown as { __spoken: string[] }).__spoken = [])
      class Utterance {
        text: string
        lang = ''
        voice: unknown = null
        rate = 1
        onend: (() => void) | null = null
        onerror: (() => void) | null = null
        constructor(text: string) {
          this.text = text
        }
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance })
      Object.defineProperty(window, 'speechSynthesis', {
        value: {
          getVoices: () => [{ lang: 'zh-CN', name: 'test', default: true, localService: true, voiceURI: 'test' }],
          speak: (u: Utterance) => spoken.push(u.text),
          cancel: () => undefined,
        },
      })
    })
    const page = await context.newPage()
    try {
      await page.goto(`${server.url}#/notices/S-1`)
      await poll(() => page.getByTestId('notice-body').textContent()).toContain('110105********002X')
      await page.getByTestId('read-aloud').tap()
      const spoken = () => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.join(''))
      await poll(spoken).toContain('身份证号已隐藏')
      expect(await spoken()).toContain('手机尾号 5678')
      expect(await spoken()).toContain('吴某磊')
      expect(await spoken()).not.toContain('*')
    } finally {
      await context.close()
      server.setConfig(null)
    }
  })
})

describe('home and board', () => {
  it.each(SIZES)('home shows the newest notices 公示中 under the tiles; the board opens on 全部 from home; 回到顶部 past a few screens ($name)', async ({ name, viewport }) => {
    const notices = Array.from({ length: 80 }, (_, i) => ({
      id: `B-${i}`,
      title: `第${i + 1}号公告：${i % 2 ? '村务' : '财务'}公开事项`,
      content_text: '内容如下。',
      date_published: `2026-11-${String(1 + (i % 25)).padStart(2, '0')}T09:00:00+08:00`,
      _gongkai: { category: i % 2 ? 'village' : 'finance' },
    }))
    server.setConfig({ feedUrl: 'board/feed.json', pollSeconds: 3600 })
    server.setRoute('/board/feed.json', baseFeed(1, { notices }))
    const { context, page } = await open(viewport)
    try {
      const newest = page.getByTestId('home-newest').getByTestId('notice-card')
      await poll(() => newest.count()).toBe(3)
      const tiles = (await page.getByTestId('tile-notices').boundingBox())!
      const first = (await newest.first().boundingBox())!
      expect(first.y).toBeGreaterThan(tiles.y + tiles.height)
      if (name === 'landscape') expect(first.y + first.height).toBeLessThan(viewport.height)
      await screenshot(page, `hall-home-${name}`)

      await page.getByTestId('tile-notices').tap()
      await page.getByTestId('tab-village').tap()
      await poll(() => page.getByTestId('tab-village').getAttribute('aria-selected')).toBe('true')
      await page.getByTestId('nav-home').tap()
      await page.getByTestId('tile-notices').tap()
      await poll(() => page.getByTestId('tab-all').getAttribute('aria-selected')).toBe('true')

      expect(await page.getByTestId('back-to-top').count()).toBe(0)
      await page.mouse.wheel(0, viewport.height * 3)
      const back = page.getByTestId('back-to-top')
      await poll(() => back.isVisible()).toBe(true)
      await screenshot(page, `hall-board-back-to-top-${name}`)
      await back.tap()
      await poll(() => page.evaluate(() => window.scrollY)).toBe(0)
      await poll(() => back.count()).toBe(0)
    } finally {
      await context.close()
      server.setConfig(null)
    }
  })
})

describe('the board before its first content', () => {
  it.each(SIZES)('keeps the room of its category tabs, so the first notices do not push the board down ($name)', async ({ name, viewport }) => {
    server.setConfig({ feedUrl: 'late/feed.json', pollSeconds: 3600 })
    server.setRoute('/late/feed.json', baseFeed(1))
    const context = await browser.newContext(touchContext(viewport))
    // the feed is held until the empty board has been seen, as on a fresh kiosk whose first download is slow
    let release!: () => void
    const released = new Promise<void>((r) => (release = r))
    await context.route('**/late/feed.json*', async (route) => {
      await released
      await route.continue()
    })
    const page = await context.newPage()
    try {
      await page.addInitScript(() => {
        const w = window as unknown as { boardShift: number }
        w.boardShift = 0
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; sources: { node?: Node }[] }[]) {
            if (e.sources.some((s) => s.node instanceof Element && s.node.closest('[role=tabpanel]'))) w.boardShift += e.value
          }
        }).observe({ type: 'layout-shift', buffered: true })
      })
      await page.goto(`${server.url}#/notices`)
      await poll(() => page.getByTestId('board-empty').textContent()).toBe('这里还没有内容')
      const panel = page.getByRole('tabpanel')
      const before = (await panel.boundingBox())!.y
      release()
      await poll(() => page.getByTestId('notice-card').count()).toBeGreaterThan(0)
      expect(await page.getByTestId('tab-all').isVisible()).toBe(true)
      expect(await page.getByTestId('tabs-room').count()).toBe(0)
      expect((await panel.boundingBox())!.y).toBeCloseTo(before, 0)
      expect(await page.evaluate(() => (window as unknown as { boardShift: number }).boardShift)).toBe(0)
      await screenshot(page, `hall-board-first-content-${name}`)
    } finally {
      await context.close()
      server.setConfig(null)
    }
  })
})

describe('glyphs', () => {
  it.each(SIZES)('℃ ① ㎡ ～ are drawn with real glyphs in the kiosk font, not blank and not boxes ($name)', async ({ viewport }) => {
    const { context, page } = await open(viewport)
    try {
      await poll(() => page.getByTestId('village-name').textContent()).toBeTruthy()
      const glyphs = await page.evaluate(async () => {
        await document.fonts.ready
        const font = getComputedStyle(document.body).fontFamily
        const canvas = document.createElement('canvas')
        canvas.width = canvas.height = 64
        const g = canvas.getContext('2d', { willReadFrequently: true })!
        const draw = (ch: string) => {
          g.fillStyle = '#fff'
          g.fillRect(0, 0, 64, 64)
          g.fillStyle = '#000'
          g.font = `48px ${font}`
          g.textBaseline = 'middle'
          g.fillText(ch, 4, 32)
          const px = g.getImageData(0, 0, 64, 64).data
          let ink = 0
          let sig = ''
          for (let i = 0; i < px.length; i += 4) {
            const dark = px[i]! < 128
            if (dark) ink++
            if (i % 64 === 0) sig += dark ? '1' : '0'
          }
          return { width: g.measureText(ch).width, ink, sig }
        }
        // a code point no font has: what a missing glyph looks like
        const tofu = draw('\u{10FFFD}')
        const span = document.createElement('span')
        document.body.append(span)
        const out = ['℃', '①', '㎡', '～', '低'].map((ch) => {
          span.textContent = ch
          return { ch, ...draw(ch), domWidth: span.getBoundingClientRect().width, tofu: draw(ch).sig === tofu.sig }
        })
        span.remove()
        return out
      })
      for (const g of glyphs) {
        expect(g.width, g.ch).toBeGreaterThan(0)
        expect(g.domWidth, g.ch).toBeGreaterThan(0)
        expect(g.ink, g.ch).toBeGreaterThan(20)
        expect(g.tofu, g.ch).toBe(false)
      }
    } finally {
      await context.close()
    }
  })
})

describe('old hall browsers', () => {
  it('below Chromium 109: a full-screen message in Chinese, and no reload loop', async () => {
    const context = await browser.newContext({
      ...touchContext(LANDSCAPE),
      userAgent: 'Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36 QIHU 360EE',
    })
    const page = await context.newPage()
    try {
      await page.goto(server.url)
      const message = page.getByTestId('browser-too-old')
      await poll(() => message.textContent()).toContain('本机浏览器版本过低，请安装 Chromium 或 Chrome 109 以上版本')
      const box = (await message.boundingBox())!
      expect(box.width).toBe(LANDSCAPE.width)
      expect(box.height).toBe(LANDSCAPE.height)
      await page.waitForTimeout(3000)
      expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1)
      expect(await page.evaluate(() => sessionStorage.getItem('gongkai.bootGuard.reloads'))).toBeNull()
      expect(await page.locator('#app').innerHTML()).toBe('')
      await screenshot(page, 'hall-browser-too-old')
    } finally {
      await context.close()
    }
  })

  it('with the kiosk flags (--lang=zh-CN, LANGUAGE=zh_CN), date fields read 年/月/日', async () => {
    const flags = readFileSync(join(__dirname, '../../kiosk/chromium-flags.conf'), 'utf8')
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter((f) => f.startsWith('--lang='))
    expect(flags).toEqual(['--lang=zh-CN'])
    const hall = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...flags], env: { ...process.env, LANGUAGE: 'zh_CN:zh' } })
    try {
      const context = await hall.newContext(touchContext(LANDSCAPE))
      const page = await context.newPage()
      await page.goto(server.url)
      await poll(() => page.getByTestId('village-name').textContent()).toBeTruthy()
      await page.evaluate(() => {
        const input = document.createElement('input')
        input.type = 'date'
        input.id = 'probe'
        document.querySelector('main')!.prepend(input)
      })
      const cdp = await context.newCDPSession(page)
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode }
      const probe = find(root, (n) => n.attributes?.includes('probe') ?? false)!
      const texts: string[] = []
      walk(probe, (n) => n.nodeType === 3 && texts.push(n.nodeValue!.trim()))
      expect(texts.join('')).toBe('年/月/日')
    } finally {
      await hall.close()
    }
  })
})

interface CdpNode {
  nodeType: number
  nodeValue?: string
  attributes?: string[]
  children?: CdpNode[]
  shadowRoots?: CdpNode[]
}
function walk(n: CdpNode, fn: (n: CdpNode) => unknown) {
  fn(n)
  for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c, fn)
}
function find(n: CdpNode, ok: (n: CdpNode) => boolean): CdpNode | null {
  if (ok(n)) return n
  for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
    const f = find(c, ok)
    if (f) return f
  }
  return null
}
