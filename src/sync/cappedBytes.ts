/**
 * The one rule for reading a body under a byte cap, shared by the kiosk's
 * fetch reader (boundedFetch.ts, web streams) and the township console's
 * request reader (township/server/http/body.ts, Node streams): a declared
 * length over the cap is refused before reading, the running count is checked
 * on every chunk (never the whole body in memory first), and a body shorter
 * than it declared is a part, not the body. Each reader only adapts its stream.
 */
export type CapVerdict = 'ok' | 'too_large'

export interface CappedBytes {
  /** counts a chunk in; 'too_large' once the total passes the cap (the chunk is not kept) */
  add(chunk: Uint8Array): CapVerdict
  readonly total: number
  /** true when a declared length was given and fewer bytes arrived */
  short(): boolean
  /** the body, one buffer */
  bytes(): Uint8Array
}

/** the declared length (Content-Length) as a number, NaN when absent or unreadable */
export const declaredLength = (header: string | null | undefined): number => (header == null || header === '' ? NaN : Number(header))

/** whether a declared length is already over the cap (refuse before reading) */
export const declaredOver = (declared: number, max: number): boolean => declared > max

export function cappedBytes(max: number, declared = NaN): CappedBytes {
  const chunks: Uint8Array[] = []
  let total = 0
  return {
    add(chunk) {
      total += chunk.byteLength
      if (total > max) return 'too_large'
      chunks.push(chunk)
      return 'ok'
    },
    get total() {
      return total
    },
    short: () => Number.isFinite(declared) && total < declared,
    bytes() {
      if (chunks.length === 1) return chunks[0]!
      const out = new Uint8Array(total)
      let offset = 0
      for (const c of chunks) {
        out.set(c, offset)
        offset += c.byteLength
      }
      return out
    },
  }
}
