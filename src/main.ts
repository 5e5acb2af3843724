import { createApp } from 'vue'
import App from './App.vue'
import * as pinia from './modules/pinia'
import * as i18n from './modules/i18n'
import * as router from './modules/router'
import * as pwa from './modules/pwa'
import { bootstrap } from './bootstrap'
import { useKioskStore } from './stores/kiosk'
import './styles/tokens.css'
import './styles/base.css'

// a build whose start fails on purpose, for the rollback test (VITE_GONGKAI_BREAK_START=1 at build time)
if (import.meta.env.VITE_GONGKAI_BREAK_START) throw new Error('start failure built in on purpose')
const app = createApp(App)
for (const m of [pinia, i18n, router]) m.install(app)
app.mount('#app')
void pwa.install()
pwa.gateUpdates(useKioskStore())
pwa.reportStarted()
void bootstrap()
