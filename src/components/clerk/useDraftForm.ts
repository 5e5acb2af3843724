/**
 * A clerk form whose every field is saved to IndexedDB as it is typed
 * (at most every 300 ms while typing goes on — a throttle — and 300 ms after
 * the last key; at once when the page is hidden or unloads, or the form closes). Reopening the form brings the draft back. The draft is masked by
 * the privacy guard before it is written: raw ID/phone/card numbers never
 * reach storage, not even in a draft.
 */
import { onBeforeUnmount, onMounted, ref, shallowRef, toRaw, watch, type Ref } from 'vue'
import { useDraftsStore } from '../../stores/drafts'
import { createDraftSaver } from '../../clerk/draftSaver'
import { draftId, type Draft, type PhotoRecord, type RecordKind } from '../../clerk/model'
import { maskDeep } from '../../clerk/privacy'

export function useDraftForm<T extends object>(kind: RecordKind, recordId: string | null, initial: () => T) {
  const drafts = useDraftsStore()
  const id = draftId(kind, recordId)
  const fields = ref(initial()) as Ref<T>
  const pendingPhotos = shallowRef<PhotoRecord[]>([])
  /** the form came back from a draft */
  const restored = shallowRef(false)
  const ready = shallowRef(false)
  let closed = false

  const saver = createDraftSaver<Draft>((d) => drafts.save(d), { onError: (e) => console.error('draft not saved', e) })

  function snapshot(): Draft {
    const plain = JSON.parse(JSON.stringify(toRaw(fields.value))) as Record<string, unknown>
    return { id, kind, recordId, fields: maskDeep(plain).value, pendingPhotos: pendingPhotos.value.map((p) => ({ ...toRaw(p) })), updatedAt: new Date().toISOString() }
  }

  onMounted(async () => {
    const d = await drafts.load(id)
    if (d) {
      fields.value = { ...initial(), ...(d.fields as Partial<T>) }
      pendingPhotos.value = d.pendingPhotos ?? []
      restored.value = true
    }
    ready.value = true
  })

  watch(
    [fields, pendingPhotos],
    () => {
      if (ready.value && !closed) saver.schedule(snapshot())
    },
    { deep: true },
  )

  const flushNow = () => void saver.flush()
  const onVisibility = () => document.visibilityState === 'hidden' && flushNow()
  document.addEventListener('visibilitychange', onVisibility)
  window.addEventListener('pagehide', flushNow)
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility)
    window.removeEventListener('pagehide', flushNow)
    flushNow()
  })

  /** Before the save that deletes the draft: write what is pending, then stop writing. */
  async function close() {
    await saver.flush()
    closed = true
    saver.dispose()
  }

  /** Throws the draft away (the clerk chose 放弃). */
  async function discard() {
    await close()
    await drafts.discard(id)
  }

  return { id, fields, pendingPhotos, restored, ready, close, discard, flush: () => saver.flush() }
}
