// @vitest-environment jsdom
/**
 * With no index stored for the live revision, the search screen builds one
 * from the feed's content; the village's own notices have their own index. A
 * village notice must be found once, not once per index (issue 13 item 8).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { commitRevision, deleteDatabase, getSearchIndex, type NoticeRecord } from '../../../src/db'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import { loadLayerIndex, loadSearchIndex } from '../../../src/search/loadIndex'
import { i18n } from '../../../src/modules/i18n'
import { useContentStore } from '../../../src/stores/content'
import SearchView from '../../../src/views/SearchView.vue'
import { baseFeed } from '../../support/feeds'

let pinia: Pinia
beforeEach(async () => {
  await deleteDatabase()
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
})

const villageNotice: NoticeRecord = {
  id: 'V-1',
  sourceId: 'village',
  revision: 0,
  title: '村级水库维修公示',
  text: '水库维修费用明细',
  category: 'village',
  pinned: false,
  urgent: false,
  attachments: [],
  tags: [],
  published: '2026-11-25T01:00:00.000Z',
}

describe('search screen without a stored index', () => {
  it('lists a village notice once', async () => {
    const r = validateFeed(baseFeed(1))
    if (!r.ok) throw new Error('fixture invalid')
    await commitRevision({ sourceId: 's', revision: 1, sha256: 'sha1', content: normalizeFeed(r.feed, 'https://town.example/feed.json', 's'), assets: [], assetUrls: [] })
    expect(await getSearchIndex('s', 1)).toBeUndefined() // so the screen must build the feed's index itself
    const content = useContentStore()
    await content.loadAll(['s'])
    content.villageLayer = { notices: [villageNotice], checklist: [] }

    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/search', component: SearchView }, { path: '/:any(.*)', component: { template: '<p/>' } }] })
    await router.push('/search?q=sk')
    await router.isReady()
    const w = mount(SearchView, { global: { plugins: [pinia, i18n, router] } })
    // both indexes the screen asked for (the loaders keep them, so these are the screen's own)
    await loadSearchIndex('s', 1, async () => ({ notices: [], checklist: [], handbook: null }))
    await loadLayerIndex(content.villageLayer)
    await flushPromises()
    expect(w.findAll('[data-testid="search-result"]').length).toBeGreaterThan(0)
    expect(w.findAll('[data-testid="search-result"][data-id="V-1"]')).toHaveLength(1)
    w.unmount()
  })
})
