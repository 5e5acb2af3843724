import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n } from './modules/i18n'
import { createConsoleRouter } from './modules/router'
import '../../src/styles/tokens.css'
import './styles/console.css'

const pinia = createPinia()
document.documentElement.lang = i18n.global.locale.value
createApp(App).use(pinia).use(i18n).use(createConsoleRouter(pinia)).mount('#app')
