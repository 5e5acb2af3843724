/**
 * The parts of the config the first screen needs, without valibot: the
 * defaults and the feed sources a config names. Validation (loadConfig.ts,
 * schema.ts) loads on demand, out of the entry chunk (docs/performance.md).
 */
import type { KioskConfig } from './schema'
import { DEFAULT_FILE_LIMIT_BYTES } from '../feed/limits'
import type { FeedSource } from '../sync/applyRevision'

/** What an empty config.json means; test/unit/config checks it equals the schema's own defaults. */
export const DEFAULT_CONFIG: KioskConfig = {
  pollSeconds: 300,
  idleSeconds: 90,
  locale: 'zh-CN',
  maxFeedBytes: DEFAULT_FILE_LIMIT_BYTES,
  fetchTimeoutSeconds: 30,
}

/** The feed sources a config names, with URLs made absolute against config.json's address. */
export function feedSources(config: KioskConfig, configUrl: string): FeedSource[] {
  const abs = (u: string) => new URL(u, configUrl).href
  const shared = config.allowedOrigins ?? []
  const origins = (own: string[] | undefined) => (own || shared.length ? { allowedOrigins: [...shared, ...(own ?? [])] } : {})
  if (config.feeds) return config.feeds.map((f) => ({ ...f, url: abs(f.url), ...origins(f.allowedOrigins) }))
  if (config.feedUrl) return [{ id: 'default', url: abs(config.feedUrl), publicKey: config.publicKey, ...(config.rootKey ? { rootKey: config.rootKey } : {}), ...origins(undefined) }]
  return []
}
