/**
 * vue-i18n 11 looks up Vue's current instance with `'currentInstance' in Vue` on `import * as Vue from 'vue'`
 * (intlify/vue-i18n#2573). The `in` probe makes the bundler keep Vue's whole namespace object, so none of
 * Vue's exports can be tree-shaken: ≈ 14.7 KB gzip of the kiosk's entry chunk (issue 19, initial JS). On Vue 3.5
 * `currentInstance` is not an export, so the probe always takes `Vue.getCurrentInstance()`: this plugin writes
 * that static read in its place. Vue 3.6 exports `currentInstance` (Vapor), so the plugin refuses to run there.
 * vue-i18n 11.4.10 and later import `getCurrentInstance` by name (fixed upstream) but, from 11.4.4, declare Node ≥ 22; the CLI and
 * the console server run on Node 20: when the project moves to Node 22, upgrade vue-i18n and delete this plugin.
 */
import type { Plugin } from 'vite'
import { createRequire } from 'node:module'

const PROBE = /const key = 'currentInstance';\s*if \(key in Vue\) \{\s*return Vue\[key\];\s*\}\s*else \{\s*return Vue\.getCurrentInstance\(\);\s*\}/
const VUE_I18N_DIST = /[\\/]node_modules[\\/]vue-i18n[\\/]dist[\\/][^\\/]+\.m?js$/

/** The vue-i18n source with the probe replaced; `null` when the file has no probe. */
export function withStaticInstance(code: string): string | null {
  const out = code.replace(PROBE, 'return Vue.getCurrentInstance();')
  return out === code ? null : out
}

export function vueI18nStaticInstance(): Plugin {
  const vue = (createRequire(import.meta.url)('vue/package.json') as { version: string }).version
  if (!/^3\.[0-5]\./.test(vue)) throw new Error(`vueI18nStaticInstance: written for Vue ≤ 3.5, this is Vue ${vue}; see intlify/vue-i18n#2573`)
  return {
    name: 'gongkai-vue-i18n-static-instance',
    apply: 'build',
    transform(code, id) {
      if (!VUE_I18N_DIST.test(id)) return null
      const out = withStaticInstance(code)
      if (out === null && code.includes('in Vue')) this.warn(`vue-i18n's instance probe changed shape in ${id}: Vue is no longer tree-shaken`)
      return out === null ? null : { code: out, map: null }
    },
  }
}
