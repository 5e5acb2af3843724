// @vitest-environment jsdom
/**
 * The language button: English is not held in memory before anyone asks for it;
 * the first tap loads it and the bar changes to English in one step — no moment
 * with Chinese labels under an English choice — and the next tap brings Chinese back.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { i18n } from '../../../src/modules/i18n'
import AppNavBar from '../../../src/components/app/AppNavBar.vue'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
})

const Empty = defineComponent({ render: () => null })

async function navBar() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'home', component: Empty }, { path: '/search', name: 'search', component: Empty }] })
  await router.push('/')
  return mount(AppNavBar, { global: { plugins: [pinia, i18n, router] } })
}

describe('the language button', () => {
  it('loads English on the first tap and switches the whole bar at once', async () => {
    expect(Object.keys(i18n.global.getLocaleMessage('en'))).toEqual([])
    const w = await navBar()
    expect(w.get('[data-testid=nav-search]').text()).toContain('搜索')
    await w.get('[data-testid=nav-language]').trigger('click')
    // while English loads, the screen stays wholly Chinese
    expect(i18n.global.locale.value).toBe('zh-CN')
    await vi.waitFor(() => expect(i18n.global.locale.value).toBe('en'), { timeout: 10_000 })
    await flushPromises()
    expect(w.get('[data-testid=nav-search]').text()).toContain('Search')
    expect(w.get('[data-testid=nav-language]').text()).toContain('中文')
    await w.get('[data-testid=nav-language]').trigger('click')
    await vi.waitFor(() => expect(i18n.global.locale.value).toBe('zh-CN'), { timeout: 10_000 })
    await flushPromises()
    expect(w.get('[data-testid=nav-language]').text()).toContain('English')
  })
})
