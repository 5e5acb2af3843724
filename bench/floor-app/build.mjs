/**
 * Builds the cold-start floor app into `outDir` with the kiosk's Vite, Vue
 * plugin, vue-i18n plugin (runtime only, precompiled messages) and PWA plugin
 * (a precaching service worker), so both pay the same framework costs.
 */
import { build } from 'vite'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { VitePWA } from 'vite-plugin-pwa'
import { fileURLToPath } from 'node:url'

export async function buildFloorApp(outDir) {
  await build({
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: './',
    configFile: false,
    logLevel: 'warn',
    define: { __INTLIFY_PROD_DEVTOOLS__: false },
    plugins: [
      vue({ features: { optionsAPI: false } }),
      VueI18nPlugin({ include: [fileURLToPath(new URL('./locales/**', import.meta.url))], runtimeOnly: true, compositionOnly: true, dropMessageCompiler: true, strictMessage: false }),
      VitePWA({
        registerType: 'prompt',
        injectRegister: false,
        manifest: { name: 'floor', short_name: 'floor', start_url: './', display: 'fullscreen', icons: [] },
        workbox: { globPatterns: ['**/*.{js,css,html}'], navigateFallback: 'index.html', clientsClaim: true },
      }),
    ],
    build: { outDir, emptyOutDir: true, target: 'es2020', modulePreload: { polyfill: false } },
  })
  return outDir
}
