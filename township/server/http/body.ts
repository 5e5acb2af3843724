/**
 * Request bodies read with a byte cap: a body over the limit is refused as
 * soon as it passes it (never read whole into memory), and JSON that does
 * not parse is a 400 with the reason.
 */
import type { Context } from 'hono'
import { readLimitedBody } from '../../../src/sync/boundedFetch'
import { SyncError } from '../../../src/sync/errors'
import { ApiError, badRequest } from '../errors'
import { msg } from '../../../src/i18n/message'

export async function readBytes(c: Context, max: number): Promise<Uint8Array> {
  const tooBig = () => new ApiError(413, 'body.too_large', msg('api.body_too_large', { kb: Math.round(max / 1024) }), { limit: max })
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
    throw badRequest('body.not_utf8', msg('api.body_not_utf8'))
  }
  try {
    return JSON.parse(text)
  } catch (e) {
    throw badRequest('body.bad_json', msg('api.body_bad_json'), { reason: String((e as Error).message) })
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
