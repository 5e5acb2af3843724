/**
 * Reads config.json. A missing or broken file never stops the kiosk: it falls
 * back to the last config that worked (kept in IndexedDB), and the problem is
 * shown on screen: its code is worded in status.json (`status.config_<code>`), the issues in feed.json.
 */
import * as v from 'valibot'
import { configSchema, DEFAULT_CONFIG, type KioskConfig } from './schema'
import { fromValibot, issueAt, type FeedIssue } from '../feed/issues'
import { fetchBounded } from '../sync/boundedFetch'

/** config.json is a few hundred bytes: one that stalls or is huge is a broken one */
const CONFIG_LIMITS = { timeoutMs: 10_000, maxBytes: 256 * 1024 }

export interface ConfigProblem {
  code: 'missing' | 'broken'
  /** what is wrong in the file (broken) */
  issues: FeedIssue[]
  /** why it could not be read (missing): the HTTP status or the network error, as the browser said it */
  details: string[]
}

export interface LoadedConfig {
  config: KioskConfig
  /** where it came from: the file, the last good copy, or built-in defaults */
  origin: 'file' | 'last-good' | 'defaults'
  problem: ConfigProblem | null
}

export type ConfigCheck = { ok: true; config: KioskConfig } | { ok: false; issues: FeedIssue[] }

export function checkConfig(input: unknown): ConfigCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, issues: [issueAt([], 'not_object')] }
  const r = v.safeParse(configSchema, input, { abortEarly: false })
  if (!r.success) return { ok: false, issues: r.issues.map(fromValibot) }
  return { ok: true, config: r.output }
}

export interface LoadConfigDeps {
  fetch?: typeof fetch
  /** the address config.json is fetched from; feed URLs resolve against it */
  configUrl: string
  loadLastGood: () => Promise<unknown>
  saveLastGood: (c: KioskConfig) => Promise<void>
}

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
    const checked = json === undefined ? { ok: false as const, issues: [issueAt([], text.trimStart().startsWith('<') ? 'not_json_html' : 'not_json')] } : checkConfig(json)
    if (checked.ok) {
      await deps.saveLastGood(checked.config).catch(() => undefined)
      return { config: checked.config, origin: 'file', problem: null }
    }
    problem = { code: 'broken', issues: checked.issues, details: [] }
  } catch (e) {
    problem = { code: 'missing', issues: [], details: [String((e as Error)?.message ?? e)] }
  }
  const last = checkConfig(await deps.loadLastGood().catch(() => undefined))
  if (last.ok) return { config: last.config, origin: 'last-good', problem }
  return { config: DEFAULT_CONFIG, origin: 'defaults', problem }
}

export { feedSources } from './runtime'
