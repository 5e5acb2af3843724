/** The kv store's keys, in one place (no idb here: src/boot/snapshot.ts reads with plain IndexedDB). */
export const KV_KEYS = {
  lastGoodConfig: 'config.lastGood',
  /** the boot snapshot of the last resident screen (perf/snapshotRule.ts; read at boot by db/bootSnapshotRead.ts) */
  bootSnapshot: 'boot.snapshot',
} as const
