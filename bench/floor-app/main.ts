/**
 * The cold-start floor: the kiosk's framework stack and nothing else — Vue 3,
 * a Pinia store, vue-i18n (precompiled messages, as the kiosk), idb and a
 * service worker from vite-plugin-pwa — built by the same Vite and plugins.
 * It paints one value read from IndexedDB (written on the first, online visit)
 * and marks first content, as the kiosk marks its first screen.
 */
import { createApp, h } from 'vue'
import { createPinia, defineStore } from 'pinia'
import { createI18n, useI18n } from 'vue-i18n'
import { openDB } from 'idb'
import { registerSW } from 'virtual:pwa-register'
import zhCN from './locales/zh-CN.json'

const FIRST_VALUE = '村务公开'

const useStored = defineStore('stored', {
  state: () => ({ value: null as string | null }),
  actions: {
    async load() {
      const db = await openDB('gongkai-floor', 1, { upgrade: (d) => void d.createObjectStore('kv') })
      let v = (await db.get('kv', 'value')) as string | undefined
      if (v === undefined) await db.put('kv', (v = FIRST_VALUE), 'value')
      this.value = v
    },
  },
})

const app = createApp({
  setup() {
    const stored = useStored()
    const { t } = useI18n()
    void stored.load()
    return () => (stored.value === null ? null : h('p', { 'data-testid': 'floor', onVnodeMounted: () => performance.mark('gongkai:first-content') }, t('stored', { value: stored.value })))
  },
})
app.use(createPinia())
app.use(createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN } }))
app.mount('#app')
registerSW({ immediate: true })
