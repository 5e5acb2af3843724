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
      workbox: {
        // the shell only: feeds and their files live in IndexedDB, config is fetched fresh
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,woff2}'],
        globIgnores: ['demo/**'],
        navigateFallback: 'index.html',
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith('/config.json'),
            handler: 'NetworkFirst',
            options: { cacheName: 'gongkai-config', networkTimeoutSeconds: 4 },
          },
        ],
      },
    }),
  ],
  build: {
    target: 'es2020',
    sourcemap: false,
  },
  // the sync worker (src/sync/sync.worker.ts) is a module worker that shares chunks with the app
  worker: { format: 'es' },
})
