/**
 * Start-up order: stored content first (the kiosk shows what it has, offline or
 * not, before config.json answers), then config, then background sync.
 */
import { useConfigStore } from './stores/config'
import { useContentStore } from './stores/content'
import { useSyncStore } from './stores/sync'
import { useClockStore } from './stores/clock'
import { i18n } from './modules/i18n'
import { bootRecords } from './bootRead'

export async function bootstrap() {
  const config = useConfigStore()
  const content = useContentStore()
  useClockStore().start()
  // a storage failure must not stop the kiosk from loading its config and syncing fresh content (bootRecords: [] then)
  const stored = await bootRecords()
  await content.loadAll(stored.map((p) => p.sourceId)).catch((e: unknown) => console.warn('stored content unreadable', e))
  await config.load()
  i18n.global.locale.value = config.config.locale
  if (config.sources.length) await content.loadAll(config.sources.map((s) => s.id))
  await useSyncStore().start()
  // storage care and the fleet heartbeat (statusUrl): loaded after start, the first screen does not need them
  void import('./fleet/runtime').then((m) => m.startFleet())
  // clerk records still queued (a restart, a power cut) go on uploading without anyone opening clerk mode
  if (config.config.clerkUploadUrl) void import('./stores/clerk').then(async (m) => {
    const clerk = m.useClerkStore()
    await clerk.loadRecords()
    await clerk.pumpOutbox()
  }).catch((e: unknown) => console.warn('clerk outbox not started', e))
}
