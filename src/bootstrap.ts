/**
 * Start-up order: stored content first (the kiosk shows what it has, offline or
 * not), then config, then background sync.
 */
import { useConfigStore } from './stores/config'
import { useContentStore } from './stores/content'
import { useSyncStore } from './stores/sync'
import { useClockStore } from './stores/clock'
import { i18n } from './modules/i18n'

export async function bootstrap() {
  const config = useConfigStore()
  const content = useContentStore()
  useClockStore().start()
  await config.load()
  i18n.global.locale.value = config.config.locale
  await content.loadAll(config.sources.map((s) => s.id))
  await useSyncStore().start()
}
