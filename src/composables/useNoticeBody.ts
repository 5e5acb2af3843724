/**
 * The open notice whole, for its screen: the content store holds only summaries
 * (notice/summary.ts), so the body is read from IndexedDB when the screen opens
 * and held only while it is open. When a new revision goes live meanwhile the
 * summary changes and the live revision's notice is read; until it arrives the
 * one shown stays (never a blank screen). `missing` says the notice could not be
 * read (its revision gone and no newer summary, or storage failing). A body
 * the content store read ahead (the board's first screenful) is shown at once.
 */
import { shallowRef, watch, type Ref } from 'vue'
import type { NoticeRecord } from '../db'
import type { NoticeSummary } from '../notice/summary'
import { useContentStore } from '../stores/content'

export function useNoticeBody(summary: Readonly<Ref<NoticeSummary | undefined>>) {
  const content = useContentStore()
  /** the notice as last read: of the summary shown, or of its previous revision while the live one is read */
  const whole = shallowRef<NoticeRecord | null>(null)
  const missing = shallowRef(false)
  let reads = 0
  watch(
    summary,
    async (s) => {
      const read = ++reads
      missing.value = false
      if (!s) return void (whole.value = null)
      const w = whole.value
      if (w && w.id === s.id && w.sourceId === s.sourceId && w.revision === s.revision) return
      // at hand (read ahead at idle): shown in the screen's first render, not a frame later
      const ready = content.peekNotice(s)
      if (ready) return void (whole.value = ready)
      // another notice: what was shown goes at once (its revision's body stays only for the same notice)
      if (w && w.id !== s.id) whole.value = null
      let n: NoticeRecord | undefined
      try {
        n = await content.readNotice(s)
      } catch (e) {
        console.warn('notice body unreadable', e)
      }
      if (read !== reads) return
      // nothing stale stays beside the message
      whole.value = n ?? null
      missing.value = !n
    },
    { immediate: true },
  )
  return { whole, missing }
}
