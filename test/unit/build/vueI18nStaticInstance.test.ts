/**
 * vue-i18n's `'currentInstance' in Vue` probe kept all of Vue in the kiosk's entry chunk (issue 19, initial JS):
 * bundled with the build's plugin, an app using vue-i18n carries only the Vue it uses.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { rolldown } from 'rolldown'
import { vueI18nStaticInstance, withStaticInstance } from '../../../scripts/vite/vueI18nStaticInstance.ts'

const require = createRequire(import.meta.url)

async function bundle(withPlugin: boolean): Promise<string> {
  const entry = 'virtual:entry'
  const build = await rolldown({
    input: entry,
    platform: 'browser',
    logLevel: 'silent',
    transform: { define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false', __INTLIFY_PROD_DEVTOOLS__: 'false', 'process.env.NODE_ENV': '"production"' } },
    plugins: [
      { name: 'entry', resolveId: (id) => (id === entry ? id : null), load: (id) => (id === entry ? `import { createApp, h } from 'vue'\nimport { createI18n, useI18n } from 'vue-i18n'\ncreateApp({ setup: () => { const { t } = useI18n(); return () => h('p', t('x')) } }).use(createI18n({ legacy: false, locale: 'zh-CN', messages: {} })).mount('#app')\n` : null) },
      ...(withPlugin ? [vueI18nStaticInstance() as never] : []),
    ],
  })
  const { output } = await build.generate({ format: 'es', minify: true })
  await build.close()
  return output[0].code
}

describe('vue-i18n without its namespace probe', () => {
  it('rewrites the probe in the installed vue-i18n to a static read', () => {
    const code = readFileSync(require.resolve('vue-i18n/dist/vue-i18n.mjs'), 'utf8')
    const out = withStaticInstance(code)
    expect(out).not.toBeNull()
    expect(out).not.toMatch(/in Vue\b/)
    expect(out).toContain('return Vue.getCurrentInstance();')
  })

  it('lets the bundler drop the parts of Vue an app does not use', async () => {
    const [before, after] = [await bundle(false), await bundle(true)]
    // Transition and SSR are not used by this app: kept only while the namespace object is
    expect(before).toContain('BaseTransitionPropsValidators')
    expect(after).not.toContain('BaseTransitionPropsValidators')
    expect(after).not.toContain('createSSRApp')
    expect(after.length).toBeLessThan(before.length * 0.85)
  }, 30_000)
})
