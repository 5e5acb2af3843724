/** The one error shape of the API: {error: {code, zh, en, detail}}, Chinese first. */
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly detail: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code}: ${en}`)
  }

  body() {
    return { error: { code: this.code, zh: this.zh, en: this.en, detail: this.detail } }
  }
}

export const notFound = (what = '') => new ApiError(404, 'not_found', `找不到${what}`, `not found${what ? `: ${what}` : ''}`)
export const badRequest = (code: string, zh: string, en: string, detail: Record<string, unknown> = {}) => new ApiError(400, code, zh, en, detail)
