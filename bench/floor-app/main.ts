/**
 * The cold-start floor: an empty Vue 3 page with a service worker from
 * vite-plugin-pwa, built by the same Vite and plugins as the kiosk. It marks
 * first content the moment its one line has rendered.
 */
import { createApp, h, onMounted } from 'vue'
import { registerSW } from 'virtual:pwa-register'

createApp({
  setup() {
    onMounted(() => performance.mark('gongkai:first-content'))
    return () => h('p', { 'data-testid': 'floor' }, '村务公开')
  },
}).mount('#app')
registerSW({ immediate: true })
