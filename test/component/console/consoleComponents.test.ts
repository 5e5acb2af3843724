// @vitest-environment jsdom
/**
 * Console components a staffer uses: a table that sorts when its header is
 * clicked, API errors shown in words in the chosen language, and the CSRF
 * header on every state-changing request. Both locales have every key.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { nextTick, type Component } from 'vue'
import { i18n, buildMessages } from '../../../township/web/modules/i18n'
import DataTable from '../../../township/web/components/DataTable.vue'
import ErrorMessage from '../../../township/web/components/ErrorMessage.vue'
import StateTag from '../../../township/web/components/StateTag.vue'
import LintFindings from '../../../township/web/components/LintFindings.vue'
import { lintDocument } from '../../../src/feed/lint'
import { baseFeed } from '../../support/feeds'
import { api, ApiError, setCsrfToken } from '../../../township/web/api/client'

beforeEach(() => {
  i18n.global.locale.value = 'zh-CN'
})
afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})
const global = { plugins: [i18n] }
// DataTable is generic over its rows: typed through `as never` here, or vue-tsc's mount() types recurse too deep
const Table = DataTable as unknown as Component

function keys(o: unknown, prefix = ''): string[] {
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

describe('console components', () => {
  it('every zh-CN key has an English text and the other way round', () => {
    // the kiosk's clerk, feed and privacy files are checked by the kiosk's own i18n test
    const own = (l: 'zh-CN' | 'en') => Object.fromEntries(Object.entries(buildMessages()[l]).filter(([feature]) => !['clerk', 'feed', 'privacy'].includes(feature)))
    const m = { 'zh-CN': own('zh-CN'), en: own('en') }
    expect(keys(m['zh-CN']).length).toBeGreaterThan(100)
    expect(keys(m.en).sort()).toEqual(keys(m['zh-CN']).sort())
  })

  it('ledger places read with the kiosk clerk labels in both languages', () => {
    const { t } = i18n.global as unknown as { t: (key: string) => string }
    expect(t('clerk.place.board')).toBe('公开栏')
    i18n.global.locale.value = 'en'
    expect(t('clerk.place.board')).toBe('Notice board')
  })

  it('a table sorts by the clicked column, flips on a second click, and says so to screen readers', async () => {
    const rows = [{ id: '1', name: '桐溪村', n: 3 }, { id: '2', name: '安平村', n: 10 }, { id: '3', name: '石桥村', n: 1 }]
    const w = mount(Table, {
      global,
      props: { rows, rowKey: (r: (typeof rows)[number]) => r.id, caption: 'x', columns: [{ key: 'name', label: '村', value: (r: (typeof rows)[number]) => r.name }, { key: 'n', label: '数量', value: (r: (typeof rows)[number]) => r.n, num: true }] },
    })
    const names = () => w.findAll('tbody tr').map((r) => r.find('td').text())
    expect(names()).toEqual(['桐溪村', '安平村', '石桥村'])
    await w.findAll('th button')[0]!.trigger('click')
    expect(names()).toEqual(['安平村', '石桥村', '桐溪村'])
    expect(w.findAll('th')[0]!.attributes('aria-sort')).toBe('ascending')
    await w.findAll('th button')[0]!.trigger('click')
    expect(names()).toEqual(['桐溪村', '石桥村', '安平村'])
    await w.findAll('th button')[1]!.trigger('click')
    expect(names()).toEqual(['石桥村', '桐溪村', '安平村'])
    expect(w.findAll('th')[0]!.attributes('aria-sort')).toBe('none')
  })

  it('a long table shows pages of 50 with next and previous', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({ id: String(i) }))
    const w = mount(Table, { global, props: { rows, rowKey: (r: { id: string }) => r.id, caption: 'x', columns: [{ key: 'id', label: 'id', value: (r: { id: string }) => r.id }] } })
    expect(w.findAll('tbody tr')).toHaveLength(50)
    expect(w.text()).toContain('第 1 / 3 页，共 120 条')
    await w.findAll('.pager button')[1]!.trigger('click')
    expect(w.find('tbody tr').attributes('data-row')).toBe('50')
  })

  it('an API error reads as the server worded it, in the chosen language', async () => {
    const e = new ApiError(409, 'kiosk.revoked', { zh: '设备已吊销', en: 'kiosk is revoked' })
    const w = mount(ErrorMessage, { global, props: { error: e } })
    expect(w.text()).toContain('设备已吊销')
    i18n.global.locale.value = 'en'
    await nextTick()
    expect(w.text()).toContain('kiosk is revoked')
    expect(w.attributes('role')).toBe('alert')
  })

  it('lint findings the server sends as codes read in the chosen language, from the kiosk feed.json', async () => {
    const f = baseFeed(1)
    f.items[1].content_text = '联系电话 13812345678'
    f.items[1]._gongkai.table.rows[1].cells[1] = 90
    const { findings } = lintDocument(f, { today: '2026-11-27' })
    const w = mount(LintFindings, { props: { items: findings, masked: [] }, global: { plugins: [i18n] } })
    expect(w.text()).toContain('“第三季度财务公开” text含未遮蔽的个人信息“138****5678”。手机号码：只保留前3位和后4位')
    expect(w.text()).toContain('“金额”列对不上：期初 100.00 + 收入 0.00 − 支出 0.00 = 100.00，但期末写的是 90.00')
    i18n.global.locale.value = 'en'
    await nextTick()
    expect(w.text()).toContain('unmasked personal data“138****5678”. Mobile phone number: only the first 3 and last 4 digits kept')
    expect(w.text()).toContain('column “金额” does not reconcile')
  })

  it('a state tag reads 逾期 N 天', () => {
    const w = mount(StateTag, { global, props: { item: { state: 'overdue', overdueDays: 4, daysLeft: null } } })
    expect(w.text()).toBe('逾期 4 天')
    expect(w.classes()).toContain('state-bad')
  })

  it('sends X-CSRF-Token on POST but not on GET, and turns an error body into words', async () => {
    const calls: { method: string; headers: Record<string, string> }[] = []
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      calls.push({ method: String(init.method), headers: init.headers as Record<string, string> })
      return new Response(JSON.stringify({ error: { code: 'csrf.missing', zh: '缺少安全令牌', en: 'CSRF token missing' } }), { status: 403 })
    })
    setCsrfToken('tok123')
    const err = await api('POST', '/api/kiosks', { place: 'x' }).catch((e: unknown) => e)
    await api('GET', '/api/fleet').catch(() => undefined)
    expect(calls[0]!.headers['x-csrf-token']).toBe('tok123')
    expect(calls[1]!.headers['x-csrf-token']).toBeUndefined()
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).words).toEqual({ zh: '缺少安全令牌', en: 'CSRF token missing' })
    expect((err as ApiError).status).toBe(403)
  })

  it('an answer that is not JSON still gets a sentence, and a network failure says so', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>bad gateway</html>', { status: 502 }))
    const e1 = (await api('GET', '/api/fleet').catch((e: unknown) => e)) as ApiError
    expect(e1.words).toEqual({ code: 'common.http_error', params: { status: 502 } })
    expect(mount(ErrorMessage, { global, props: { error: e1 } }).text()).toContain('服务器返回错误（HTTP 502）')
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch')
    })
    const e2 = (await api('GET', '/api/fleet').catch((e: unknown) => e)) as ApiError
    expect(e2.code).toBe('network')
    expect(mount(ErrorMessage, { global, props: { error: e2 } }).text()).toContain('无法连接服务器')
  })
})
