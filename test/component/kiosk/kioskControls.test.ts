// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { i18n } from '../../../src/modules/i18n'
import DisplaySettings from '../../../src/components/kiosk/DisplaySettings.vue'
import KioskIdleCountdown from '../../../src/components/kiosk/KioskIdleCountdown.vue'
import ReadAloudButton from '../../../src/components/kiosk/ReadAloudButton.vue'
import { useKioskStore } from '../../../src/stores/kiosk'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
})
const global = () => ({ plugins: [pinia, i18n] })

describe('display settings', () => {
  it('switches text size and contrast on <html>, and marks the choice by more than colour', async () => {
    const w = mount(DisplaySettings, { global: global(), attachTo: document.body })
    await w.get('[data-testid="text-xlarge"]').trigger('click')
    await w.get('[data-testid="theme-contrast"]').trigger('click')
    expect(document.documentElement.dataset.text).toBe('xlarge')
    expect(document.documentElement.dataset.theme).toBe('contrast')
    const chosen = w.get('[data-testid="text-xlarge"]')
    expect(chosen.attributes('aria-pressed')).toBe('true')
    expect(chosen.text()).toContain('✓')
    expect(w.get('[data-testid="text-standard"]').attributes('aria-pressed')).toBe('false')
    useKioskStore().resetScreenState()
    expect(document.documentElement.dataset.text).toBeUndefined()
    w.unmount()
  })

  it('closes from its button and from the backdrop', async () => {
    const w = mount(DisplaySettings, { global: global() })
    await w.get('[data-testid="display-close"]').trigger('click')
    await w.get('[data-testid="display-backdrop"]').trigger('click')
    expect(w.emitted('close')).toHaveLength(2)
  })
})

describe('idle countdown', () => {
  it('shows the seconds left and 继续浏览 continues', async () => {
    const w = mount(KioskIdleCountdown, { props: { secondsLeft: 7 }, global: global() })
    expect(w.get('[data-testid="idle-seconds"]').text()).toBe('7')
    expect(w.text()).toContain('7 秒后回到首页')
    expect(w.get('[data-testid="idle-continue"]').text()).toBe('继续浏览')
    await w.get('[data-testid="idle-continue"]').trigger('click')
    expect(w.emitted('continue')).toHaveLength(1)
  })
})

describe('read-aloud button', () => {
  it('tells the resident when the device cannot read aloud', async () => {
    // jsdom, like many kiosks, has no speechSynthesis at all
    const w = mount(ReadAloudButton, { props: { text: () => '公告正文。' }, global: global() })
    expect(w.find('[data-testid="speech-problem"]').exists()).toBe(false)
    await w.get('[data-testid="read-aloud"]').trigger('click')
    expect(w.get('[data-testid="speech-problem"]').text()).toContain('这台设备不能朗读')
  })
})
