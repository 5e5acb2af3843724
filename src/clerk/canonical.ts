/**
 * A canonical text of the village layer: records sorted by id, keys sorted,
 * photos as their metadata and SHA-256. Two layers are the same exactly when
 * their dumps are equal (export → import round trips compare these).
 */
import { sha256Hex } from '../sync/hash'
import type { VillageLayer } from './model'

export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

const byId = <T extends { id: string }>(a: T[]) => [...a].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))

export async function canonicalDump(layer: VillageLayer): Promise<string> {
  const photos = await Promise.all(
    byId(layer.photos).map(async ({ blob, ...meta }) => ({ ...meta, size: blob.size, sha256: await sha256Hex(blob) })),
  )
  return stableStringify({ items: byId(layer.items), ledger: byId(layer.ledger), notices: byId(layer.notices), photos })
}
