/**
 * Why an upload is still waiting, in words a clerk can act on: a code into
 * clerk.upload_error.* (i18n/locales/<locale>/clerk.json). The console's own
 * words (docs/township-api.md: `{error: {code, zh, en}}`) are kept beside it
 * when it gave them: the console answers in those two languages.
 */
import { translateComposed, type ComposedMessage } from '../i18n/compose'
import { msg } from '../i18n/message'

export interface UploadError {
  /** what happened; `<kind>:<console code>` when the console said why */
  code: string
  /** the kiosk's words (with the HTTP status when the console gave none) */
  message: ComposedMessage
  /** the console's own words, shown after the kiosk's */
  console?: { zh: string; en: string }
  /** epoch ms of the failed try */
  at?: number
}

/** How versions before the message codes stored an error: the words themselves. */
export interface StoredWords {
  code: string
  zh: string
  en: string
  at?: number
}

export const UPLOAD_ERROR_CODES = [
  'offline',
  'network',
  'timeout',
  'no_token',
  'unauthorized',
  'rate_limited',
  'server',
  'rejected',
  'photo_missing',
  'photo_mismatch',
  'bad_answer',
] as const

export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number]

export function uploadError(code: UploadErrorCode, at?: number): UploadError {
  return { code, message: msg(`clerk.upload_error.${code}`), ...(at === undefined ? {} : { at }) }
}

/** The error the console sent in its body, if it sent one in the contract's shape. */
export async function consoleError(res: Response): Promise<{ code: string; zh: string; en: string; detail?: unknown } | null> {
  try {
    const j = (await res.clone().json()) as { error?: { code?: unknown; zh?: unknown; en?: unknown; detail?: unknown } }
    const e = j?.error
    if (e && typeof e.code === 'string' && typeof e.zh === 'string' && typeof e.en === 'string') return { code: e.code, zh: e.zh, en: e.en, detail: e.detail }
  } catch {
    // not JSON: the kiosk's own words
  }
  return null
}

/** The words for a failed HTTP answer: the console's own when it gave them. */
export async function httpError(res: Response, at: number): Promise<UploadError> {
  const own = await consoleError(res)
  const code: UploadErrorCode =
    res.status === 401 || res.status === 403 ? 'unauthorized' : res.status === 429 ? 'rate_limited' : res.status >= 500 ? 'server' : 'rejected'
  const reason = msg(`clerk.upload_error.${code}`)
  if (own) return { code: `${code}:${own.code}`, message: { code: 'clerk.upload_error.with_console', params: { reason } }, console: { zh: own.zh, en: own.en }, at }
  return { code, message: { code: 'clerk.upload_error.with_status', params: { reason, status: res.status } }, at }
}

/** A fetch that threw: offline, a timeout, or the console unreachable. */
export function thrownError(e: unknown, at: number): UploadError {
  const name = (e as { name?: unknown } | null)?.name
  if (name === 'TimeoutError' || name === 'AbortError') return uploadError('timeout', at)
  return uploadError('network', at)
}

/**
 * The text of an entry's lastError in `locale`, whichever shape it was stored in
 * (older kiosks stored a string, then the words in both languages).
 */
export function uploadErrorText(e: UploadError | StoredWords | string | null | undefined, t: Parameters<typeof translateComposed>[0], locale: string): string | null {
  if (!e) return null
  if (typeof e === 'string') return e
  // stored words and the console's words come in exactly these two languages
  const pick = (w: { zh: string; en: string }) => (locale === 'en' ? w.en : w.zh)
  if (!('message' in e)) return pick(e)
  const m = e.console ? { ...e.message, params: { ...e.message.params, console: pick(e.console) } } : e.message
  return translateComposed(t, m)
}
