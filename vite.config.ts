import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { fileURLToPath, URL } from 'node:url'

export default defineConfig({
  // relative base: the built app runs from any folder of any static host
  base: './',
  define: {
    __INTLIFY_PROD_DEVTOOLS__: false,
    __APP_VERSION__: JSON.stringify(process.env.GONGKAI_APP_VERSION ?? process.env.npm_package_version ?? 'dev'),
  },
  plugins: [
    vue({ features: { optionsAPI: false } }),
    VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/i18n/locales/**', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      dropMessageCompiler: true,
      strictMessage: false,
    }),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: '村务公开',
        short_name: '村务公开',
        lang: 'zh-CN',
        start_url: './',
        display: 'fullscreen',
        background_color: '#f5f3ef',
        theme_color: '#a3201b',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      // our own service worker (src/sw.ts): each version keeps its files, a version that fails to start is rolled back
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectManifest: {
        // the shell only: feeds and their files live in IndexedDB, config is fetched fresh
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,woff2}'],
        globIgnores: ['demo/**'],
      },
    }),
  ],
  build: {
    target: 'es2020',
    sourcemap: false,
    // Chromium has native modulepreload; the polyfill would only add to the entry chunk. index.html keeps its
    // modulepreload links (the entry's static imports), but lazy chunks get none injected: inserting them at boot
    // cost 38–68 ms at 4× (issue 19), and a lazy chunk's own imports load from the service worker's cache
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    // one stylesheet (≈ 7 KB gzip) loaded with the page: opening a screen never waits for its CSS or restyles the page
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'boot', tags: ['$initial'] }],
        },
      },
    },
  },
  // the sync worker (src/sync/sync.worker.ts) is a module worker that shares chunks with the app
  worker: { format: 'es' },
})
