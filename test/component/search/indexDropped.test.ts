// @vitest-environment jsdom
/**
 * The search index's tables are several MB: the search screen holds them while
 * it is open (and while a result opened from it is: 返回 comes back at once) and
 * lets them go when the resident goes elsewhere, reading them again on the next
 * visit (issue 19, item 6). The results a resident sees are the same each time.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, shallowRef } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import * as db from '../../../src/db'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import { buildSearchIndex } from '../../../src/search/buildIndex'
import { i18n } from '../../../src/modules/i18n'
import { useContentStore } from '../../../src/stores/content'
import SearchView from '../../../src/views/SearchView.vue'
import { baseFeed } from '../../support/feeds'
import { settle } from '../../support/settle'

let pinia: Pinia
beforeEach(async () => {
  await db.deleteDatabase()
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
})

describe('search index after the search screen is left', () => {
  it('is read again on the next visit, with the same results', async () => {
    const r = validateFeed(baseFeed(1))
    if (!r.ok) throw new Error('fixture invalid')
    const content = normalizeFeed(r.feed, 'https://town.example/feed.json', 's')
    await db.commitRevision({ sourceId: 's', revision: 1, sha256: 'sha1', content, assets: [], assetUrls: [], searchIndex: buildSearchIndex(content) })
    await useContentStore().loadAll(['s'])
    const reads = vi.spyOn(db, 'getSearchIndex')

    const stub = { template: '<p/>' }
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/search', name: 'search', component: stub }, { path: '/notices/:id', name: 'notice', component: stub }, { path: '/:any(.*)', component: stub }] })
    await router.push('/search?q=db')
    await router.isReady()
    // the screen comes and goes inside one app as the route changes, as under the app's RouterView
    const shown = shallowRef(false)
    const app = mount(defineComponent({ setup: () => () => (shown.value ? h(SearchView) : h('p')) }), { global: { plugins: [pinia, i18n, router] } })
    const enter = async () => {
      await router.push('/search?q=db')
      shown.value = true
      await settle()
      return app.findAll('[data-testid="search-result"]').map((e) => e.attributes('data-id'))
    }
    const leaveFor = async (path: string) => {
      await router.push(path)
      shown.value = false
      await settle()
    }
    const first = await enter()
    expect(first).toContain('N-1')
    expect(reads).toHaveBeenCalledTimes(1)
    // a result opened and 返回: the same index, no new read
    await leaveFor('/notices/N-1')
    expect(await enter()).toEqual(first)
    expect(reads).toHaveBeenCalledTimes(1)
    // home, then search again: read again
    await leaveFor('/notices/N-1')
    await router.push('/')
    await leaveFor('/')
    expect(await enter()).toEqual(first)
    expect(reads).toHaveBeenCalledTimes(2)
    app.unmount()
  })
})
