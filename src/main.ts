import { createApp } from 'vue'
import App from './App.vue'
import * as pinia from './modules/pinia'
import * as i18n from './modules/i18n'
import * as router from './modules/router'
import * as pwa from './modules/pwa'
import { bootstrap } from './bootstrap'
import './styles/tokens.css'
import './styles/base.css'

const app = createApp(App)
for (const m of [pinia, i18n, router]) m.install(app)
app.mount('#app')
pwa.install()
void bootstrap()
