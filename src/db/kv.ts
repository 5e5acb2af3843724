/** Small named settings (last good config, locks, versions). Keys live in one place. */
import { getDb } from './connection'

export { KV_KEYS } from './kvKeys'

export async function kvGet<T>(key: string): Promise<T | undefined> {
  return (await (await getDb()).get('kv', key)) as T | undefined
}

export async function kvSet(key: string, value: unknown): Promise<void> {
  await (await getDb()).put('kv', value, key)
}

export async function kvDelete(key: string): Promise<void> {
  await (await getDb()).delete('kv', key)
}
