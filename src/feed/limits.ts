/**
 * What a kiosk downloads for one revision, in bytes. The CLI's build refuses
 * a revision over these, so a township learns it before every kiosk refuses
 * the whole revision (issue 12).
 */
import { msg, type Message } from '../i18n/message'

/** each download — feed.json, every attachment and image — is cut off above the kiosk's maxFeedBytes, by default this */
export const DEFAULT_FILE_LIMIT_BYTES = 20 * 1024 * 1024
/** all new attachments and images of one revision together: a cheap kiosk stores every revision's files before it goes live */
export const REVISION_LIMIT_BYTES = 200 * 1024 * 1024

/** "20 MB" */
export function inWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`
}

/** what a kiosk downloads for one revision against REVISION_LIMIT_BYTES, as the township console reports it */
export interface RevisionSize {
  bytes: number
  limit: number
  over: boolean
}

/** "本次发布共 12.5 MB，一体机每版上限 200 MB" (`feed.size.revision` in feed.json) */
export function revisionSizeMessage(size: RevisionSize): Message {
  return msg('feed.size.revision', { bytes: inWords(size.bytes), limit: inWords(size.limit) })
}
