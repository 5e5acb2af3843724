/** Loads something from the API into refs, with its error, reloadable (the latest request's answer wins); optionally refreshed every so often. */
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
  /** the latest reload: an earlier one answering after it (a period typed key by key, a slow month then a quick quarter) is dropped */
  let latest = 0
  async function reload() {
    const mine = ++latest
    loading.value = true
    try {
      const got = await fetcher()
      if (mine !== latest) return
      data.value = got
      error.value = null
    } catch (e) {
      if (mine === latest) error.value = e
    } finally {
      if (mine === latest) loading.value = false
    }
  }
  onMounted(() => {
    if (opts.immediate !== false) void reload()
    if (opts.refreshSeconds) timer = setInterval(() => void reload(), opts.refreshSeconds * 1000)
  })
  onUnmounted(() => clearInterval(timer))
  return { data, error, loading, reload }
}
