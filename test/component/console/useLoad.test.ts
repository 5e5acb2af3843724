// @vitest-environment jsdom
/**
 * The console's loader: when a staffer changes the period while the previous
 * one is still loading, the page shows the period asked for last, even when
 * the earlier answer arrives after it, and says it is loading until then.
 */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { useLoad, type Load } from '../../../township/web/composables/useLoad'

function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}
const settle = () => new Promise((r) => setTimeout(r, 0))

/** useLoad inside a mounted component, as a page uses it */
function mounted<T>(fetcher: () => Promise<T>, opts?: Parameters<typeof useLoad>[1]): Load<T> {
  let load!: Load<T>
  mount(defineComponent({ setup: () => ((load = useLoad(fetcher, opts)), () => h('p')) }))
  return load
}

describe('useLoad', () => {
  it('keeps the latest request’s answer when an earlier one answers after it', async () => {
    const answers = [deferred<string>(), deferred<string>(), deferred<string>()]
    let calls = 0
    const load = mounted(() => answers[calls++]!.promise)
    // mounted: the month starts loading; the staffer picks the quarter, then the year
    const quarter = load.reload()
    const year = load.reload()
    answers[2]!.resolve('year')
    await year
    expect(load.data.value).toBe('year')
    expect(load.loading.value).toBe(false)
    answers[0]!.resolve('month')
    answers[1]!.reject(new Error('quarter failed'))
    await quarter.catch(() => undefined)
    await settle()
    expect(load.data.value).toBe('year')
    expect(load.error.value).toBeNull()
    expect(load.loading.value).toBe(false)
  })

  it('is loading from the request to its answer, and keeps the error of the latest', async () => {
    const answer = deferred<string>()
    const load = mounted(() => answer.promise, { immediate: false })
    const done = load.reload()
    expect(load.loading.value).toBe(true)
    answer.reject(new Error('down'))
    await done
    expect(load.loading.value).toBe(false)
    expect((load.error.value as Error).message).toBe('down')
  })
})
