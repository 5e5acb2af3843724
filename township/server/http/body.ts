/**
 * Request bodies read with a byte cap: a body over the limit is refused as
 * soon as it passes it (never read whole into memory), and JSON that does
 * not parse is a 400 with the reason.
 */
import type { Context } from 'hono'
import { readLimitedBody } from '../../../src/sync/boundedFetch'
import { SyncError } from '../../../src/sync/errors'
import { ApiError, badRequest } from '../errors'

export async function readBytes(c: Context, max: number): Promise<Uint8Array> {
  const tooBig = () => new ApiError(413, 'body.too_large', `请求内容超过 ${Math.round(max / 1024)} KB 的上限`, `body over the ${Math.round(max / 1024)} KB limit`, { limit: max })
  try {
    // the kiosk's own capped reader: a Request has the headers and body it reads
    return await readLimitedBody(c.req.raw, max, c.req.path)
  } catch (e) {
    if (e instanceof SyncError && e.code === 'too_large') throw tooBig()
    throw e
  }
}

export async function readJson(c: Context, max: number): Promise<unknown> {
  const bytes = await readBytes(c, max)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw badRequest('body.not_utf8', '请求内容不是 UTF-8 文本', 'body is not UTF-8 text')
  }
  try {
    return JSON.parse(text)
  } catch (e) {
    throw badRequest('body.bad_json', '请求内容不是有效的 JSON', 'body is not valid JSON', { reason: String((e as Error).message) })
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
