/** The stored boot snapshot (perf/snapshotRule.ts): written at idle on resident screens, dropped in clerk mode. */
import { defineStore } from 'pinia'
import { KV_KEYS, kvDelete, kvSet } from '../db/kv'
import type { StoredSnapshot } from '../perf/snapshotRule'

export const useBootSnapshotStore = defineStore('bootSnapshot', () => {
  async function save(s: StoredSnapshot): Promise<void> {
    await kvSet(KV_KEYS.bootSnapshot, s)
  }
  /** clerk mode can change what residents see (the village layer) without a new revision: no snapshot survives it */
  async function drop(): Promise<void> {
    await kvDelete(KV_KEYS.bootSnapshot)
  }
  return { save, drop }
})
