/** The runtime config the kiosk runs with, and what was wrong with config.json, if anything. */
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { ConfigProblem } from '../config/loadConfig'
import type { KioskConfig } from '../config/schema'
import { DEFAULT_CONFIG, feedSources } from '../config/runtime'
import { KV_KEYS, kvGet, kvSet } from '../db'

export const useConfigStore = defineStore('config', () => {
  /** the settings in force */
  const config = shallowRef<KioskConfig>(DEFAULT_CONFIG)
  /** why config.json was not used, shown on screen; null when it was fine */
  const problem = shallowRef<ConfigProblem | null>(null)
  const origin = shallowRef<'file' | 'last-good' | 'defaults'>('defaults')
  /** absolute address of config.json; feed URLs resolve against it */
  const configUrl = new URL('config.json', document.baseURI).href
  const sources = computed(() => feedSources(config.value, configUrl))

  async function load() {
    // validation (valibot) is not in the entry chunk: stored content shows before it loads
    const { loadConfig } = await import('../config/loadConfig')
    const loaded = await loadConfig({
      configUrl,
      loadLastGood: () => kvGet(KV_KEYS.lastGoodConfig),
      saveLastGood: (c) => kvSet(KV_KEYS.lastGoodConfig, c),
    })
    config.value = loaded.config
    problem.value = loaded.problem
    origin.value = loaded.origin
  }

  return { config, problem, origin, configUrl, sources, load }
})
