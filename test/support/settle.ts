import { flushPromises } from '@vue/test-utils'

/** Until a screen's IndexedDB reads are answered (fake-indexeddb answers in macrotasks) and Vue has rendered what they brought. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 0))
    await flushPromises()
  }
}
