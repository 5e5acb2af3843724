/** Loads something from the API into refs, with its error, reloadable; optionally refreshed every so often. */
import { onMounted, onUnmounted, ref, shallowRef, type Ref, type ShallowRef } from 'vue'

export interface Load<T> {
  data: ShallowRef<T | null>
  error: Ref<unknown>
  loading: Ref<boolean>
  reload: () => Promise<void>
}

export function useLoad<T>(fetcher: () => Promise<T>, opts: { refreshSeconds?: number; immediate?: boolean } = {}): Load<T> {
  const data = shallowRef<T | null>(null)
  const error = ref<unknown>(null)
  const loading = ref(false)
  let timer: ReturnType<typeof setInterval> | undefined
  async function reload() {
    loading.value = true
    try {
      data.value = await fetcher()
      error.value = null
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }
  onMounted(() => {
    if (opts.immediate !== false) void reload()
    if (opts.refreshSeconds) timer = setInterval(() => void reload(), opts.refreshSeconds * 1000)
  })
  onUnmounted(() => clearInterval(timer))
  return { data, error, loading, reload }
}
