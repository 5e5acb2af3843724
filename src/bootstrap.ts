/**
 * Start-up order: stored content first (the kiosk shows what it has, offline or
 * not, before config.json answers), then config, then background sync.
 */
import { useConfigStore } from './stores/config'
import { useContentStore } from './stores/content'
import { useSyncStore } from './stores/sync'
import { useClockStore } from './stores/clock'
import { i18n } from './modules/i18n'
import { listPointers } from './db'

export async function bootstrap() {
  const config = useConfigStore()
  const content = useContentStore()
  useClockStore().start()
  await content.loadAll((await listPointers()).map((p) => p.sourceId))
  await config.load()
  i18n.global.locale.value = config.config.locale
  if (config.sources.length) await content.loadAll(config.sources.map((s) => s.id))
  await useSyncStore().start()
  // storage care and the fleet heartbeat (statusUrl): loaded after start, the first screen does not need them
  void import('./fleet/runtime').then((m) => m.startFleet())
}
