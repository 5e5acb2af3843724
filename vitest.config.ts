import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { fileURLToPath, URL } from 'node:url'

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('test'), __INTLIFY_PROD_DEVTOOLS__: false },
  plugins: [
    vue(),
    VueI18nPlugin({ include: [fileURLToPath(new URL('./src/i18n/locales/**', import.meta.url))], strictMessage: false }),
  ],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/component/**/*.test.ts', 'test/township/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup/indexeddb.ts'],
    testTimeout: 20_000,
    // its package main is a UMD build Node sees as one default export; inlined, it resolves to the ES module the app bundles
    server: { deps: { inline: ['workbox-window'] } },
  },
})
