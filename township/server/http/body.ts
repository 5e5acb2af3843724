/**
 * Request bodies read with a byte cap: a body over the limit is refused as
 * soon as it passes it (never read whole into memory), and JSON that does
 * not parse is a 400 with the reason.
 *
 * The bytes come straight from Node's request stream (@hono/node-server's
 * `c.env.incoming`), not through a web `Request`: building that Request, its
 * AbortSignal and its ReadableStream cost more than the rest of a heartbeat's
 * handling. Without a Node request (the tests' `app.request`) the web body is
 * turned into a Node stream and read by the same reader.
 */
import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeWebStream } from 'node:stream/web'
import type { Context } from 'hono'
import { ApiError, badRequest } from '../errors'
import { msg } from '../../../src/i18n/message'
import { cappedBytes, declaredLength, declaredOver } from '../../../src/sync/cappedBytes'

const tooBig = (max: number) =>
  // Connection: close — the rest of an oversized body is not read; the socket goes with the answer
  new ApiError(413, 'body.too_large', msg('api.body_too_large', { kb: Math.round(max / 1024) }), { limit: max }, { Connection: 'close' })

/**
 * Reads `stream` to its end by the cap rule the kiosk's reader uses too (src/sync/cappedBytes.ts): 413 when
 * `declared` (Content-Length) is over `max` or once more than `max` bytes arrive; 400 when fewer than declared arrive.
 */
export function readCapped(stream: Readable, declaredHeader: string | undefined, max: number): Promise<Uint8Array> {
  const declared = declaredLength(declaredHeader)
  if (declaredOver(declared, max)) return Promise.reject(tooBig(max))
  const body = cappedBytes(max, declared)
  return new Promise((resolve, reject) => {
    const finish = (settle: () => void) => {
      stream.off('data', onData)
      stream.off('end', onEnd)
      stream.off('error', onGone)
      stream.off('close', onGone)
      settle()
    }
    const incomplete = () => badRequest('body.incomplete', msg('api.body_incomplete'), { received: body.total })
    const onData = (chunk: Buffer) => {
      if (body.add(chunk) === 'too_large') {
        // stop reading from the socket: nothing more of this body is wanted
        stream.pause()
        finish(() => reject(tooBig(max)))
      }
    }
    const onEnd = () => finish(() => (body.short() ? reject(incomplete()) : resolve(body.bytes())))
    // the client went away mid-body (or the stream failed): what arrived is a part, not the body
    const onGone = () => finish(() => reject(incomplete()))
    stream.on('data', onData)
    stream.on('end', onEnd)
    stream.on('error', onGone)
    stream.on('close', onGone)
  })
}

function bodyStream(c: Context): Readable {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  if (incoming) return incoming
  const body = c.req.raw.body
  return body ? Readable.fromWeb(body as unknown as NodeWebStream) : Readable.from([])
}

export async function readBytes(c: Context, max: number): Promise<Uint8Array> {
  return readCapped(bodyStream(c), c.req.header('content-length'), max)
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

export async function readJson(c: Context, max: number): Promise<unknown> {
  const bytes = await readBytes(c, max)
  let text: string
  try {
    text = utf8.decode(bytes)
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
