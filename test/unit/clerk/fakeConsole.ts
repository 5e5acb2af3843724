/**
 * A township console's kiosk ingest as docs/township-api.md describes it, in
 * memory: photo parts with resume and SHA-256 check, records acknowledged by
 * id + version. `handle` is a fetch-shaped function (unit tests pass it as the
 * outbox's fetch); it counts every request so tests can say what was sent.
 */
import { createHash } from 'node:crypto'

export interface FakeConsoleOptions {
  token?: string
  /** answer every request with this (the console down, revoked, …) */
  fail?: () => Response | 'throw' | null
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' } })
const err = (status: number, code: string, zh: string, en: string, detail: unknown = {}) => json(status, { error: { code, zh, en, detail } })

export function fakeConsole(o: FakeConsoleOptions = {}) {
  const token = o.token ?? 'tok-1'
  const parts = new Map<string, Uint8Array[]>()
  const photos = new Map<string, Uint8Array>()
  const records = new Map<string, { version: number; body: Record<string, unknown> }>()
  const log: { method: string; path: string; offset?: number; bytes?: number }[] = []
  let failWith = o.fail ?? (() => null)

  const received = (sha: string) => (photos.has(sha) ? photos.get(sha)!.length : (parts.get(sha) ?? []).reduce((n, p) => n + p.length, 0))

  async function handle(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url)
    const method = (init.method ?? 'GET').toUpperCase()
    const f = failWith()
    if (f === 'throw') throw new TypeError('Failed to fetch')
    if (f) return f
    const auth = new Headers(init.headers).get('authorization')
    const entry: (typeof log)[number] = { method, path: url.pathname }
    log.push(entry)
    if (auth !== `Bearer ${token}`) return err(401, 'kiosk.bad_token', '设备令牌无效或已吊销', 'unknown or revoked kiosk token')
    const photo = /^\/api\/kiosk\/photos\/([0-9a-f]{64})$/.exec(url.pathname)
    if (photo) {
      const sha = photo[1]!
      if (method === 'GET') return json(200, { received: received(sha), complete: photos.has(sha) })
      if (method !== 'PUT') return err(405, 'method', '方法不支持', 'method not allowed')
      const offset = Number(url.searchParams.get('offset'))
      const total = Number(url.searchParams.get('total'))
      const bytes = new Uint8Array(init.body as ArrayBuffer)
      entry.offset = offset
      entry.bytes = bytes.length
      if (bytes.length > 256 * 1024) return err(413, 'photo.part_too_big', '分段过大', 'part too big')
      if (photos.has(sha)) return json(200, { received: total, complete: true })
      if (offset !== received(sha)) return json(409, { received: received(sha) })
      parts.set(sha, [...(parts.get(sha) ?? []), bytes])
      const n = received(sha)
      if (n === total) {
        const all = Buffer.concat(parts.get(sha)!)
        parts.delete(sha)
        if (createHash('sha256').update(all).digest('hex') !== sha) return err(422, 'photo.sha_mismatch', '照片校验不一致', 'photo checksum mismatch')
        photos.set(sha, new Uint8Array(all))
        return json(200, { received: n, complete: true })
      }
      return json(200, { received: n, complete: false })
    }
    if (url.pathname === '/api/kiosk/records' && method === 'POST') {
      const body = JSON.parse(String(init.body)) as { kind: string; id: string; version: number; photos: { sha256: string }[] }
      const missing = body.photos.map((p) => p.sha256).filter((s) => !photos.has(s))
      if (missing.length) return json(409, { error: { code: 'photo.missing', zh: '照片尚未上传完整', en: 'photo not uploaded', detail: {} }, missing })
      const key = `${body.kind}:${body.id}`
      const before = records.get(key)
      if (!before || before.version < body.version) records.set(key, { version: body.version, body })
      return json(200, { ack: { kind: body.kind, id: body.id, version: body.version } })
    }
    return err(404, 'not_found', '没有这个地址', 'not found')
  }

  return {
    fetch: handle as unknown as typeof fetch,
    photos,
    parts,
    records,
    log,
    setFail(f: FakeConsoleOptions['fail']) {
      failWith = f ?? (() => null)
    },
  }
}
