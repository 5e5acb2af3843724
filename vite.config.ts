import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import { fileURLToPath, URL } from 'node:url'
import { vueI18nStaticInstance } from './scripts/vite/vueI18nStaticInstance.ts'

/**
 * The boot snapshot's painter (src/boot/snapshot.ts) as a classic script of its own, boot-snapshot.js, at the end
 * of <body> (the CSP forbids inline scripts; the service worker precaches it with the rest of the shell). It
 * starts the app: the entry's `<script type=module>` becomes a modulepreload (fetched and compiled meanwhile)
 * and the script's `data-entry`, which the boot script adds once the snapshot is painted or skipped.
 */
function bootSnapshotScript(): Plugin {
  const FILE = 'boot-snapshot.js'
  return {
    name: 'gongkai-boot-snapshot',
    apply: 'build',
    async generateBundle() {
      const { rolldown } = await import('rolldown')
      const bundle = await rolldown({ input: fileURLToPath(new URL('./src/boot/snapshot.ts', import.meta.url)), platform: 'browser', logLevel: 'warn' })
      const { output } = await bundle.generate({ format: 'iife', minify: true })
      await bundle.close()
      this.emitFile({ type: 'asset', fileName: FILE, source: output[0].code })
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(html)
        if (!entry) throw new Error('boot snapshot: the entry script is not in index.html')
        return {
          html: html.replace(entry[0], `<link rel="modulepreload" crossorigin href="${entry[1]}">\n    `),
          tags: [{ tag: 'script', attrs: { src: `./${FILE}`, 'data-entry': entry[1] }, injectTo: 'body' }],
        }
      },
    },
  }
}

export default defineConfig({
  // relative base: the built app runs from any folder of any static host
  base: './',
  define: {
    __INTLIFY_PROD_DEVTOOLS__: false,
    __APP_VERSION__: JSON.stringify(process.env.GONGKAI_APP_VERSION ?? process.env.npm_package_version ?? 'dev'),
  },
  plugins: [
    bootSnapshotScript(),
    vueI18nStaticInstance(),
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
    // the floor (Chromium 109) runs ES2022 natively: lowering class fields to defineProperty helpers cost
    // ≈ 30 ms at 4× CPU on one task alone when 3,300 board rows were made (issue 19)
    target: 'chrome109',
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
