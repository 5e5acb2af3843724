// first: IndexedDB opens and the live records are read while everything below evaluates
import { bootRecords } from './bootRead'
import { createApp } from 'vue'
import App from './App.vue'
import * as pinia from './modules/pinia'
import * as i18n from './modules/i18n'
import * as router from './modules/router'
import * as pwa from './modules/pwa'
import { bootstrap } from './bootstrap'
import { useKioskStore } from './stores/kiosk'
import { useContentStore } from './stores/content'
import { installNavigationGuard } from './kiosk/navigationGuard'
import './styles/tokens.css'
import './styles/base.css'

// a build whose start fails on purpose, for the rollback test (VITE_GONGKAI_BREAK_START=1 at build time)
if (import.meta.env.VITE_GONGKAI_BREAK_START) throw new Error('start failure built in on purpose')
// below the browser floor boot-guard.js shows why, full screen: nothing starts behind it
if (document.documentElement.hasAttribute('data-too-old')) throw new Error(`browser below the floor: ${document.documentElement.getAttribute('data-too-old')}`)
performance.mark('gongkai:boot:main')
// a kiosk never leaves the app: navigation to other origins is refused (issue 18 §1)
installNavigationGuard(window, (url) => console.warn('navigation away from the app refused', url))
const app = createApp(App)
for (const m of [pinia, i18n, router]) m.install(app)
// the first screen's code and the stored content load while the app mounts
router.preloadRoute(window.location.hash.slice(1) || '/')
void bootstrap()

/** longest the mount waits for storage and the first screen's code (a blocked IndexedDB must not leave the kiosk blank) */
const MOUNT_WAIT_MS = 1500
const content = useContentStore()
// mounted once the stored record and the first screen's code are there: one render with content, instead of
// an empty one and a second
void Promise.race([
  // whatever goes wrong before it, the app mounts (its own error handling shows what it can)
  Promise.all([bootRecords().then((r) => content.showRecords(r)), router.router.isReady()]).catch((e: unknown) => console.warn('early content not shown', e)),
  new Promise((resolve) => setTimeout(resolve, MOUNT_WAIT_MS)),
]).then(() => {
  app.mount('#app')
  performance.mark('gongkai:boot:mounted')
  void pwa.install()
  pwa.gateUpdates(useKioskStore())
  pwa.reportStarted()
})
