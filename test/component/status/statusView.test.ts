// @vitest-environment jsdom
/**
 * #/status words config problems, sync errors and feed warnings from their codes, in the kiosk's
 * language; records stored by older versions (with zh/en words of their own) read the same way.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { ensureLocale, i18n, messagesReady } from '../../../src/modules/i18n'
import StatusView from '../../../src/views/StatusView.vue'
import { useConfigStore } from '../../../src/stores/config'
import { useContentStore, type SourceContent } from '../../../src/stores/content'
import { useSyncStore } from '../../../src/stores/sync'
import { DEFAULT_CONFIG } from '../../../src/config/schema'
import type { SyncStateRecord } from '../../../src/db'

let pinia: Pinia
beforeEach(async () => {
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
  await messagesReady()
})

function mountWith(state: SyncStateRecord, warnings: unknown[]) {
  const config = useConfigStore()
  config.config = { ...DEFAULT_CONFIG, feedUrl: 'https://town.example/feed.json' }
  config.problem = { code: 'broken', issues: [{ path: 'pollSeconds', code: 'number' }], details: [] }
  config.origin = 'last-good'
  useContentStore().bySource = new Map([['default', { record: { village: { name: '青石村' }, revision: 3, warnings }, notices: [] } as unknown as SourceContent]])
  useSyncStore().states = new Map([['default', state]])
  return mount(StatusView, { global: { plugins: [pinia, i18n], stubs: { SignatureStatus: true, PrivacyFindings: true, FleetStatus: true } } })
}

describe('StatusView', () => {
  it('words a sync error, its feed issues, the warnings and the config problem from their codes', async () => {
    const w = mountWith(
      { sourceId: 'default', consecutiveFailures: 1, lastError: { code: 'bad_date', at: '2026-12-02T02:00:00Z', details: [], issues: [{ path: 'items[0]._gongkai.expires', code: 'date_time' }] } },
      [{ path: 'items[2].image', code: 'dropped_optional' }],
    )
    expect(w.get('[data-testid="status-last-error"]').text()).toContain('新内容中的日期或时间有误（不存在或写法不对），未采用')
    expect(w.get('[data-testid="status-last-error"]').text()).toContain('items[0]._gongkai.expires: 应为 RFC 3339 日期时间')
    expect(w.get('[data-testid="status-warnings"]').text()).toContain('items[2].image: 可选字段格式不对，已忽略')
    expect(w.get('[data-testid="status-config"]').text()).toContain('配置文件 config.json 有误，使用上次的设置')
    expect(w.get('[data-testid="status-config"]').text()).toContain('pollSeconds: 应为数字')

    await ensureLocale('en')
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(w.get('[data-testid="status-last-error"]').text()).toContain('a date or time in the feed is impossible or malformed; not applied')
    expect(w.get('[data-testid="status-warnings"]').text()).toContain('items[2].image: malformed optional field ignored')
  })

  it('reads an older record by its code, not the words it was stored with', () => {
    const stale = { code: 'timeout', zh: '旧说法', en: 'old words', at: '2026-12-02T02:00:00Z', details: ['https://town.example/feed.json'] }
    const w = mountWith({ sourceId: 'default', consecutiveFailures: 1, lastError: stale } as SyncStateRecord, [{ path: 'items[2].image', code: 'dropped_optional', zh: '旧说法', en: 'old words' }])
    const error = w.get('[data-testid="status-last-error"]').text()
    expect(error).toContain('连接内容服务器超时')
    expect(error).toContain('https://town.example/feed.json')
    expect(error + w.get('[data-testid="status-warnings"]').text()).not.toContain('旧说法')
  })
})
