/** A form's submit: one at a time, its API error kept for <ErrorMessage>. */
import { ref } from 'vue'

export function useSubmit(action: () => Promise<void>) {
  const busy = ref(false)
  const error = ref<unknown>(null)
  async function submit() {
    if (busy.value) return
    error.value = null
    busy.value = true
    try {
      await action()
    } catch (e) {
      error.value = e
    } finally {
      busy.value = false
    }
  }
  return { busy, error, submit }
}
