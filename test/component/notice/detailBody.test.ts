// @vitest-environment jsdom
/**
 * The content store holds only notice summaries (issue 19, item 6): the notice
 * screen reads its notice's body from IndexedDB when it opens. What a resident
 * sees: the notice opened offline shows its text; a revision that goes live (and
 * one pruned) while it is open shows the live revision's text, and the screen is
 * never blank meanwhile; a notice taken down or unreadable says so.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { commitRevision, deleteDatabase, getDb, pruneSource } from '../../../src/db'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import { i18n } from '../../../src/modules/i18n'
import { useContentStore } from '../../../src/stores/content'
import NoticeDetailView from '../../../src/views/NoticeDetailView.vue'
import { baseFeed } from '../../support/feeds'
import { settle } from '../../support/settle'

type Json = Record<string, unknown>

const notice = (revision: number, text: string): Json => ({
  id: 'N-1',
  title: `第${revision}版 低保公示`,
  content_text: text,
  date_published: '2026-11-24T09:00:00+08:00',
  _gongkai: { category: 'village', checklist_item: 'CW-01' },
})

async function commit(revision: number, notices: Json[]) {
  const r = validateFeed(baseFeed(revision, { notices }))
  if (!r.ok) throw new Error('fixture invalid')
  await commitRevision({ sourceId: 's', revision, sha256: `sha${revision}`, content: normalizeFeed(r.feed, 'https://town.example/feed.json', 's'), assets: [], assetUrls: [] })
}

let pinia: Pinia
let w: VueWrapper | null = null
beforeEach(async () => {
  await deleteDatabase()
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
  // offline: nothing here may reach the network
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')))
})
afterEach(() => {
  w?.unmount()
  w = null
  vi.unstubAllGlobals()
})

async function open(id = 'N-1') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)', component: { template: '<p/>' } }] })
  await router.push(`/notices/${id}`)
  w = mount(NoticeDetailView, { props: { id }, global: { plugins: [pinia, i18n, router] } })
  await settle()
  return w
}

const body = (v: VueWrapper) => v.find('[data-testid="notice-body"]')
describe('notice screen reads its body from storage', () => {
  it('shows the text of a notice opened offline; the store keeps only its summary', async () => {
    await commit(1, [notice(1, '现将拟纳入低保对象公示如下。')])
    const content = useContentStore()
    await content.loadAll(['s'])
    expect(content.noticeById('N-1')).not.toHaveProperty('text')
    const v = await open()
    expect(v.find('[data-testid="notice-title"]').text()).toBe('第1版 低保公示')
    expect(body(v).text()).toContain('现将拟纳入低保对象公示如下。')
  })

  it('shows the live revision once it goes live while the notice is open, keeping the old text until the new one is read', async () => {
    await commit(1, [notice(1, '第一版的名单。')])
    const content = useContentStore()
    await content.loadAll(['s'])
    const v = await open()
    expect(body(v).text()).toContain('第一版的名单。')
    // two newer revisions: the one the screen read is pruned from storage
    await commit(2, [notice(2, '第二版的名单。')])
    await commit(3, [notice(3, '第三版的名单。')])
    await pruneSource('s')
    await content.reload('s')
    // not blank while the live revision's body is read
    expect(body(v).exists()).toBe(true)
    await settle()
    expect(v.find('[data-testid="notice-title"]').text()).toBe('第3版 低保公示')
    expect(body(v).text()).toContain('第三版的名单。')
    expect(body(v).text()).not.toContain('第一版')
  })

  it('says the notice is gone when the new revision no longer has it', async () => {
    await commit(1, [notice(1, '第一版的名单。')])
    const content = useContentStore()
    await content.loadAll(['s'])
    const v = await open()
    await commit(2, [{ ...notice(2, '别的公告'), id: 'N-9' }])
    await content.reload('s')
    await settle()
    expect(v.find('[data-testid="notice-not-found"]').exists()).toBe(true)
    expect(body(v).exists()).toBe(false)
  })

  it('keeps the heading and says so when the body cannot be read', async () => {
    await commit(1, [notice(1, '第一版的名单。')])
    const content = useContentStore()
    await content.loadAll(['s'])
    // the revision's notices vanish from storage under the summary the store holds
    await (await getDb()).clear('noticeChunks')
    const v = await open()
    expect(v.find('[data-testid="notice-title"]').text()).toBe('第1版 低保公示')
    expect(v.find('[data-testid="notice-body-missing"]').text()).toContain('读不出来')
    expect(body(v).exists()).toBe(false)
  })
})

describe('bodies read ahead at idle (the board’s first screenful, perf/bodiesAhead.ts)', () => {
  /** mounted and rendered once, without letting IndexedDB answer: what the screen's first frame shows */
  function openFirstFrame(id = 'N-1') {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)', component: { template: '<p/>' } }] })
    w = mount(NoticeDetailView, { props: { id }, global: { plugins: [pinia, i18n, router] } })
    return w
  }

  it('shows a notice read ahead whole in the screen’s first render, with no storage read', async () => {
    await commit(1, [notice(1, '现将拟纳入低保对象公示如下。'), { ...notice(1, '另一条'), id: 'N-2' }])
    const content = useContentStore()
    await content.loadAll(['s'])
    await content.readAhead(content.board)
    const v = openFirstFrame()
    expect(body(v).text()).toContain('现将拟纳入低保对象公示如下。')
    // read ahead, it stays when storage no longer answers
    await (await getDb()).clear('noticeChunks')
    await settle()
    expect(body(v).text()).toContain('现将拟纳入低保对象公示如下。')
  })

  it('never shows a body read ahead for an older revision once a newer one is live', async () => {
    await commit(1, [notice(1, '第一版的名单。')])
    const content = useContentStore()
    await content.loadAll(['s'])
    await content.readAhead(content.board)
    await commit(2, [notice(2, '第二版的名单。')])
    await content.reload('s')
    const v = openFirstFrame()
    expect(body(v).exists() ? body(v).text() : '').not.toContain('第一版')
    await settle()
    expect(body(v).text()).toContain('第二版的名单。')
  })

  it('shows the objection footer with the body, not above where the body will appear (no layout shift)', async () => {
    const withWindow = { ...notice(1, '现将拟纳入低保对象公示如下。'), _gongkai: { category: 'village', checklist_item: 'CW-01', expires: '2027-06-30T18:00:00+08:00' } }
    await commit(1, [withWindow])
    const content = useContentStore()
    await content.loadAll(['s'])
    const v = openFirstFrame()
    expect(v.find('[data-testid="notice-body-loading"]').exists()).toBe(true)
    expect(v.find('[data-testid="objection"]').exists()).toBe(false)
    await settle()
    expect(body(v).text()).toContain('现将拟纳入低保对象公示如下。')
    const objection = v.find('[data-testid="objection"]')
    expect(objection.text()).toContain('村务监督委员会')
    // after the body in the page
    expect(body(v).element.compareDocumentPosition(objection.element) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })
})
