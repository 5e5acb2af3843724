/**
 * The township web console (乡镇工作台): its own Vite app, built to dist-township/
 * (served by the console server at /). It shares the kiosk's design tokens and
 * pure modules but not its bundle, i18n files or service worker.
 */
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { fileURLToPath, URL } from 'node:url'
import { vueI18nStaticInstance } from '../../scripts/vite/vueI18nStaticInstance.ts'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: false,
  define: { __INTLIFY_PROD_DEVTOOLS__: false },
  plugins: [
    vueI18nStaticInstance(),
    vue({ features: { optionsAPI: false } }),
    VueI18nPlugin({
      include: [here('./locales/**'), here('../../src/i18n/locales/*/{clerk,feed,privacy}.json')],
      runtimeOnly: true,
      compositionOnly: true,
      dropMessageCompiler: true,
      strictMessage: false,
    }),
  ],
  build: {
    // TOWNSHIP_WEB_DIR: the same variable the server reads for where the build is (tests build their own)
    outDir: process.env.TOWNSHIP_WEB_DIR ?? here('../../dist-township'),
    emptyOutDir: true,
    // office PCs: Chromium 109 is the floor
    target: 'chrome109',
    cssTarget: 'chrome109',
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
  server: { host: '127.0.0.1', port: 4190, strictPort: true, proxy: { '/api': 'http://127.0.0.1:4191', '/feeds': 'http://127.0.0.1:4191' } },
})
