// @vitest-environment jsdom
/**
 * The village picker (home screen, several feeds) and the #/status sections
 * for signatures and masked personal data.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { i18n, messagesReady } from '../../../src/modules/i18n'
import VillagePicker from '../../../src/components/village/VillagePicker.vue'
import SignatureStatus from '../../../src/components/status/SignatureStatus.vue'
import PrivacyFindings from '../../../src/components/status/PrivacyFindings.vue'
import { useConfigStore } from '../../../src/stores/config'
import { useContentStore, type SourceContent } from '../../../src/stores/content'
import { useKioskStore } from '../../../src/stores/kiosk'
import { DEFAULT_CONFIG } from '../../../src/config/schema'
import type { RevisionRecord } from '../../../src/db'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
})
const global = () => ({ plugins: [pinia, i18n] })

const record = (name: string, extra: Partial<RevisionRecord> = {}) => ({ record: { village: { name }, revision: 1, ...extra }, notices: [] }) as unknown as SourceContent

function twoVillages() {
  useConfigStore().config = { ...DEFAULT_CONFIG, feeds: [{ id: 'a', url: 'a.json', name: '甲村' }, { id: 'b', url: 'b.json', name: '乙村' }] }
  const content = useContentStore()
  content.bySource = new Map([['a', record('青石村')], ['b', record('白石村')]])
  return content
}

describe('VillagePicker', () => {
  it('is absent with one feed', () => {
    useConfigStore().config = { ...DEFAULT_CONFIG, feedUrl: 'feed.json' }
    expect(mount(VillagePicker, { global: global() }).find('[data-testid="village-picker"]').exists()).toBe(false)
  })

  it('shows each village by its feed name, switches the content, and goes back to the first after an idle reset', async () => {
    const content = twoVillages()
    const w = mount(VillagePicker, { global: global() })
    expect(w.get('[data-testid="village-a"]').text()).toBe('青石村')
    expect(w.get('[data-testid="village-a"]').attributes('aria-pressed')).toBe('true')
    await w.get('[data-testid="village-b"]').trigger('click')
    expect(content.activeSourceId).toBe('b')
    expect(content.village?.name).toBe('白石村')
    expect(w.get('[data-testid="village-b"]').attributes('aria-pressed')).toBe('true')
    w.unmount()
    useKioskStore().idleReset()
    expect(content.activeSourceId).toBe('a')
  })

  it('cannot pick a village whose content has not arrived yet', () => {
    const content = twoVillages()
    content.bySource = new Map([['a', record('青石村')]])
    const w = mount(VillagePicker, { global: global() })
    expect(w.get('[data-testid="village-b"]').text()).toBe('乙村')
    expect(w.get('[data-testid="village-b"]').attributes('disabled')).toBeDefined()
  })
})

describe('SignatureStatus and PrivacyFindings', () => {
  const source = { id: 's', url: 'https://x/f.json', publicKey: 'cVoXKnNgdav7k3KH8bdOQbaSaD+rrUozCz7KeiNEO8I=' }

  it('says verified only when the live revision was verified with the configured key, and reports a refusal', () => {
    const ok = mount(SignatureStatus, { global: global(), props: { source, record: { signedWith: source.publicKey } as RevisionRecord } })
    expect(ok.find('[data-testid="signature-verified"]').exists()).toBe(true)
    expect(ok.text()).toContain('cVoXKnNgdav7')
    const old = mount(SignatureStatus, { global: global(), props: { source, record: {} as RevisionRecord, state: { sourceId: 's', consecutiveFailures: 1, lastError: { code: 'signature', at: '' } } } })
    expect(old.find('[data-testid="signature-verified"]').exists()).toBe(false)
    expect(old.text()).toContain('配置公钥之前')
    expect(old.find('[data-testid="signature-refused"]').exists()).toBe(true)
    const unsigned = mount(SignatureStatus, { global: global(), props: { source: { id: 'u', url: 'https://x/u.json' } } })
    expect(unsigned.find('[data-testid="signature-unsigned"]').text()).toContain('publicKey')
  })

  it('lists each masked notice with the kind of number and where, never the number', async () => {
    await messagesReady() // the status screen's messages, which the router waits for
    const rec = { privacyFindings: [{ noticeId: 'N-3', title: '停水通知', fields: [{ field: 'text', kind: 'mobile' }, { field: 'html', kind: 'mobile' }] }, { noticeId: 'handbook:ch-1', title: '总则', fields: [{ field: 'markdown', kind: 'id18' }] }] } as RevisionRecord
    const w = mount(PrivacyFindings, { global: global(), props: { record: rec } })
    const items = w.findAll('[data-testid="privacy-finding"]')
    expect(items).toHaveLength(2)
    expect(items[0]!.text()).toContain('停水通知')
    expect(items[0]!.text()).toContain('手机号码')
    expect(items[0]!.text()).toContain('text, html')
    expect(items[1]!.text()).toContain('手册章节：总则')
    expect(mount(PrivacyFindings, { global: global(), props: { record: { privacyFindings: [] } as unknown as RevisionRecord } }).html()).not.toContain('privacy-findings')
  })
})
