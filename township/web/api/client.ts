/**
 * The one way the console talks to its server: JSON in and out, the session
 * cookie sent by the browser, the CSRF token on every state-changing request,
 * and API errors ({error:{code,zh,en}}) turned into ApiError.
 */
import { msg, type Message } from '../../../src/i18n/message'
import { inReaderLanguage, type Words } from '../logic/words'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** the server's words, or the console's own message (common.*) when no answer came */
    readonly words: Words | Message,
    readonly detail?: unknown,
  ) {
    super(code)
  }
}

/** An API error in the reader's language. */
export function apiErrorText(e: ApiError, t: (code: string, params: Record<string, string | number>) => string, locale: string): string {
  return 'code' in e.words ? t(e.words.code, e.words.params ?? {}) : inReaderLanguage(e.words, locale)
}

export const networkError = () => new ApiError(0, 'network', msg('common.network_error'))

let csrfToken: string | null = null

/** Set after setup, login or /api/auth/me; cleared on logout. */
export function setCsrfToken(token: string | null) {
  csrfToken = token
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Headers a request of this method carries (exported for the tests). */
export function requestHeaders(method: string, hasBody: boolean): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json' }
  if (hasBody) h['content-type'] = 'application/json'
  if (UNSAFE.has(method.toUpperCase()) && csrfToken) h['x-csrf-token'] = csrfToken
  return h
}

/** An answer's error body as an ApiError; a body that is not the contract's shape still gets words. */
export function toApiError(status: number, body: unknown): ApiError {
  const e = (body as { error?: { code?: unknown; zh?: unknown; en?: unknown; detail?: unknown } } | null)?.error
  if (e && typeof e.code === 'string') return new ApiError(status, e.code, { zh: String(e.zh ?? e.code), en: String(e.en ?? e.code) }, e.detail ?? body)
  return new ApiError(status, `http.${status}`, msg('common.http_error', { status }))
}

export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: requestHeaders(method, body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw networkError()
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  if (!res.ok) throw toApiError(res.status, json)
  return json as T
}

export const get = <T>(path: string) => api<T>('GET', path)
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body)
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body)
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body)
