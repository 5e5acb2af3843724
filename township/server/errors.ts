/**
 * The one error shape of the API: {error: {code, zh, en, detail}}, Chinese first.
 * An error is thrown with a message (township/web/locales/<locale>/api.json, or
 * the kiosk's files) and answered in both languages by the translator: the
 * kiosks read `zh`/`en` (src/clerk/uploadErrors.ts), older ones included.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ComposedMessage } from '../../src/i18n/compose'
import { msg } from '../../src/i18n/message'
import { zhEn, type Words } from './i18n'

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    /** a message, or words another module already made in both languages (lint findings) */
    readonly reason: ComposedMessage | Words,
    readonly detail: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code)
  }

  /** the words in both languages */
  words(): Words {
    return 'code' in this.reason ? zhEn(this.reason) : this.reason
  }

  body() {
    const w = this.words()
    return { error: { code: this.code, zh: w.zh, en: w.en, detail: this.detail } }
  }
}

/** 找不到{what}: `what` a thing named in api.thing.* */
export function notFound(what?: ComposedMessage): ApiError {
  const reason: ComposedMessage = what ? { code: 'api.not_found.thing', params: { what } } : msg('api.not_found.any')
  return new ApiError(404, 'not_found', reason)
}
export const badRequest = (code: string, reason: ComposedMessage | Words, detail: Record<string, unknown> = {}) => new ApiError(400, code, reason, detail)
