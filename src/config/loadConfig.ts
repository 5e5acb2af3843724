/**
 * Reads config.json. A missing or broken file never stops the kiosk: it falls
 * back to the last config that worked (kept in IndexedDB), and the problem is
 * shown in words on screen.
 */
import * as v from 'valibot'
import { configSchema, DEFAULT_CONFIG, type KioskConfig } from './schema'
import { describeIssue, fromValibot, issueAt } from '../feed/issues'
import { fetchBounded } from '../sync/boundedFetch'

/** config.json is a few hundred bytes: one that stalls or is huge is a broken one */
const CONFIG_LIMITS = { timeoutMs: 10_000, maxBytes: 256 * 1024 }

export interface ConfigProblem {
  zh: string
  en: string
  details: string[]
}

export interface LoadedConfig {
  config: KioskConfig
  /** where it came from: the file, the last good copy, or built-in defaults */
  origin: 'file' | 'last-good' | 'defaults'
  problem: ConfigProblem | null
}

export type ConfigCheck = { ok: true; config: KioskConfig } | { ok: false; details: string[] }

export function checkConfig(input: unknown): ConfigCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, details: [describeIssue(issueAt([], 'not_object'))] }
  const r = v.safeParse(configSchema, input, { abortEarly: false })
  if (!r.success) return { ok: false, details: r.issues.map((i) => describeIssue(fromValibot(i))) }
  return { ok: true, config: r.output }
}

export interface LoadConfigDeps {
  fetch?: typeof fetch
  /** the address config.json is fetched from; feed URLs resolve against it */
  configUrl: string
  loadLastGood: () => Promise<unknown>
  saveLastGood: (c: KioskConfig) => Promise<void>
}

const MISSING = { zh: '找不到配置文件 config.json，使用上次的设置', en: 'config.json could not be read; using the last settings' }
const BROKEN = { zh: '配置文件 config.json 有误，使用上次的设置', en: 'config.json is invalid; using the last settings' }

export async function loadConfig(deps: LoadConfigDeps): Promise<LoadedConfig> {
  let problem: ConfigProblem
  try {
    const { bytes } = await fetchBounded(deps.configUrl, { cache: 'no-store' }, {
      ...CONFIG_LIMITS,
      fetch: deps.fetch,
      onHeaders: (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`)
      },
    })
    const text = new TextDecoder().decode(bytes!)
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
    const checked = json === undefined ? { ok: false as const, details: [describeIssue(issueAt([], text.trimStart().startsWith('<') ? 'not_json_html' : 'not_json'))] } : checkConfig(json)
    if (checked.ok) {
      await deps.saveLastGood(checked.config).catch(() => undefined)
      return { config: checked.config, origin: 'file', problem: null }
    }
    problem = { ...BROKEN, details: checked.details }
  } catch (e) {
    problem = { ...MISSING, details: [String((e as Error)?.message ?? e)] }
  }
  const last = checkConfig(await deps.loadLastGood().catch(() => undefined))
  if (last.ok) return { config: last.config, origin: 'last-good', problem }
  return { config: DEFAULT_CONFIG, origin: 'defaults', problem }
}

export { feedSources } from './runtime'
