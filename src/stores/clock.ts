/** The device clock, ticking once a second for the header and once a minute for 公示 windows. */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'

export const useClockStore = defineStore('clock', () => {
  /** now, to the second (header clock) */
  const now = shallowRef(new Date())
  /** now, to the minute: what notice windows are computed from, so lists do not re-sort every second */
  const minute = shallowRef(new Date())
  let timer: ReturnType<typeof setInterval> | undefined

  function start() {
    if (timer) return
    timer = setInterval(() => {
      const d = new Date()
      now.value = d
      if (d.getMinutes() !== minute.value.getMinutes() || d.getTime() - minute.value.getTime() > 60_000) minute.value = d
    }, 1000)
  }

  return { now, minute, start }
})
