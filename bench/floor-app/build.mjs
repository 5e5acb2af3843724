/** Builds the floor app into `outDir` with the kiosk's Vite, Vue plugin and PWA plugin (generateSW, precache). */
import { build } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import { fileURLToPath } from 'node:url'

export async function buildFloorApp(outDir) {
  await build({
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [
      vue({ features: { optionsAPI: false } }),
      VitePWA({
        registerType: 'prompt',
        injectRegister: false,
        manifest: { name: 'floor', short_name: 'floor', start_url: './', display: 'fullscreen', icons: [] },
        workbox: { globPatterns: ['**/*.{js,css,html}'], navigateFallback: 'index.html', clientsClaim: true },
      }),
    ],
    build: { outDir, emptyOutDir: true, target: 'es2020' },
  })
  return outDir
}
