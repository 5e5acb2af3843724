/**
 * What the person at the screen is doing: when they last touched it, whether
 * anyone is there at all (resting), resident or clerk mode, and the display
 * settings they chose (text size, contrast). Display settings live on <html>
 * as data-text / data-theme so the design tokens switch, never components.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { storeWatch } from './storeWatch'
import { i18n } from '../modules/i18n'
import { useConfigStore } from './config'

export type TextSize = 'standard' | 'large' | 'xlarge'
export type Theme = 'default' | 'contrast'

export const TEXT_SIZES: readonly TextSize[] = ['standard', 'large', 'xlarge']

/** events that mean a person is at the screen */
export const ACTIVITY_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const

export const useKioskStore = defineStore('kiosk', () => {
  /** ms of the last pointerdown/touchstart/keydown/wheel anywhere */
  const lastActivityAt = shallowRef(Date.now())
  /** true after an idle reset (or at start) until the next touch: nobody is using the kiosk */
  const resting = shallowRef(true)
  /** when resting began (ms); the attract loop starts a while after it */
  const restingSince = shallowRef(Date.now())
  /** the clerk-mode helper sets 'clerk' while clerk mode is open */
  const mode = shallowRef<'resident' | 'clerk'>('resident')
  const textSize = ref<TextSize>('standard')
  const theme = ref<Theme>('default')
  /** the notice board's category tab (null: all), kept while the resident opens notices and comes back */
  const boardTab = ref<string | null>(null)
  const idleResetSubscribers = new Set<() => void>()

  if (typeof document !== 'undefined') {
    storeWatch(
      [textSize, theme],
      ([size, th]) => {
        const html = document.documentElement
        if (size === 'standard') delete html.dataset.text
        else html.dataset.text = size
        if (th === 'default') delete html.dataset.theme
        else html.dataset.theme = th
      },
      { immediate: true },
    )
  }

  function noteActivity(): void {
    lastActivityAt.value = Date.now()
    if (resting.value) resting.value = false
  }

  /** Subscribes to idle resets; returns the unsubscribe function. */
  function onIdleReset(cb: () => void): () => void {
    idleResetSubscribers.add(cb)
    return () => idleResetSubscribers.delete(cb)
  }

  /** Text size, theme and language back to the kiosk's defaults. */
  function resetScreenState(): void {
    textSize.value = 'standard'
    theme.value = 'default'
    i18n.global.locale.value = useConfigStore().config.locale
  }

  /** After the idle countdown ran out: defaults back, subscribers told, nobody at the screen. Never in clerk mode. */
  function idleReset(): void {
    if (mode.value === 'clerk') return
    resetScreenState()
    boardTab.value = null
    resting.value = true
    restingSince.value = Date.now()
    for (const cb of [...idleResetSubscribers]) {
      try {
        cb()
      } catch (e) {
        console.error('onIdleReset subscriber failed', e)
      }
    }
  }

  /** Listens for touches, keys and wheels anywhere on target (capture phase, so nothing can swallow them). */
  function trackActivity(target: EventTarget = window): () => void {
    const handler = () => noteActivity()
    for (const type of ACTIVITY_EVENTS) target.addEventListener(type, handler, { capture: true, passive: true })
    return () => {
      for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, handler, { capture: true })
    }
  }

  return { lastActivityAt, resting, restingSince, mode, textSize, theme, boardTab, noteActivity, onIdleReset, resetScreenState, idleReset, trackActivity }
})
