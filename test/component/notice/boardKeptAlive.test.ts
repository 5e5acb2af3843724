// @vitest-environment jsdom
/**
 * The board is kept alive while a resident is on another screen (App.vue's KeepAlive, perf/boardAhead.ts).
 * A revision that goes live meanwhile must be what the board shows when it is opened, and its rows are
 * rendered while the kiosk is idle, out of sight — not on the tap that opens the board (issue 19 item 4).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, KeepAlive, nextTick, shallowRef } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '../../../src/modules/i18n'
import NoticeList from '../../../src/components/notice/NoticeList.vue'
import type { NoticeSummary } from '../../../src/notice/summary'

const notice = (i: number, what: string): NoticeSummary => ({
  sourceId: 'township',
  revision: 1,
  id: `${what}-${i}`,
  title: `${what}公示 ${i}`,
  published: '2026-11-01T00:00:00.000Z',
  category: 'finance',
  pinned: false,
  urgent: false,
})
const revision = (what: string, n: number) => Array.from({ length: n }, (_, i) => notice(i, what))

/** requestIdleCallback, run only when the test says the kiosk is idle */
let idle: (() => void)[] = []
async function kioskIdle() {
  const due = idle
  idle = []
  for (const cb of due) cb()
  await vi.advanceTimersByTimeAsync(10)
  await nextTick()
}

/** the next timer has run: the next task (fake timers put a zero-delay timer set inside a timer 1 ms later) */
const nextTask = () => vi.advanceTimersToNextTimerAsync()

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'zh-CN'
  vi.useFakeTimers()
  vi.stubGlobal('requestIdleCallback', (cb: () => void) => idle.push(cb))
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  idle = []
})

function board() {
  const notices = shallowRef<readonly NoticeSummary[]>([])
  const shown = shallowRef(true)
  // as NoticesView: it reads the content itself, so it updates while kept alive out of sight
  const Board = defineComponent({ name: 'Board', setup: () => () => h(NoticeList, { notices: notices.value, virtual: true }) })
  const Shell = defineComponent({ setup: () => () => h(KeepAlive, null, shown.value ? [h(Board)] : []) })
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  const w = mount(Shell, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
  // the list's element: kept (out of the document) while the board is hidden
  const list = w.get('[data-testid=notice-list]').element
  const titles = () => [...list.querySelectorAll('[data-testid=notice-card] .title')].map((e) => e.textContent)
  return { w, notices, shown, titles }
}

describe('the board on screen', () => {
  it('renders a new list’s rows two tasks after the one that brought it, never a mix of the two', async () => {
    const b = board()
    b.notices.value = revision('旧', 100)
    await nextTick()
    await nextTask()
    await nextTask()
    const before = b.titles()
    expect(before[0]).toBe('旧公示 0')
    const height = () => parseFloat(b.w.get<HTMLElement>('[data-testid=notice-list]').element.style.height)
    const oldHeight = height()
    b.notices.value = revision('新', 3000)
    await nextTick()
    // the task that brought the revision (the sync worker's message) only worked out the list
    expect(b.titles()).toEqual(before)
    await nextTask()
    // the next one worked out where its 3,000 rows go (the list is as tall as they are), the rows shown stay
    expect(height()).toBeGreaterThan(oldHeight * 10)
    expect(b.titles()).toEqual(before)
    await nextTask()
    expect(b.titles().length).toBeGreaterThan(0)
    expect(b.titles().every((t) => t?.startsWith('新'))).toBe(true)
    b.w.unmount()
  })
})

describe('the board kept alive while another screen is shown', () => {
  it('renders a revision that went live meanwhile when the kiosk is idle, before it is opened, and shows it when opened', async () => {
    const b = board()
    // built ahead before any content was stored, then hidden
    await nextTick()
    b.shown.value = false
    await nextTick()
    b.notices.value = revision('新', 1000)
    await nextTick()
    await kioskIdle()
    // out of sight, its first rows are the new revision's already
    expect(b.titles().length).toBeGreaterThan(0)
    expect(b.titles()[0]).toBe('新公示 0')
    b.shown.value = true
    await nextTick()
    expect(b.titles()[0]).toBe('新公示 0')
    b.w.unmount()
  })

  it('never shows the revision it had when opened before the kiosk was idle', async () => {
    const b = board()
    b.notices.value = revision('旧', 100)
    await nextTick()
    await nextTask()
    await nextTask()
    expect(b.titles()[0]).toBe('旧公示 0')
    b.shown.value = false
    await nextTick()
    b.notices.value = revision('新', 100)
    await nextTick()
    b.shown.value = true
    await nextTick()
    await nextTick()
    expect(b.titles().length).toBeGreaterThan(0)
    expect(b.titles().every((t) => t?.startsWith('新'))).toBe(true)
    b.w.unmount()
  })
})
