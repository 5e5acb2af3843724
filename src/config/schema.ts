/**
 * Runtime config, read from config.json beside index.html at start.
 * Documented in docs/configuration.md.
 */
import * as v from 'valibot'
import { ID_PATTERN } from '../feed/schema'

const seconds = (min: number) => v.pipe(v.number('number'), v.minValue(min, 'positive'))
const urlString = v.pipe(v.string('string'), v.minLength(1, 'url'))
/** an origin such as https://files.example.gov.cn (scheme, host, port; no path) */
const originString = v.pipe(v.string('string'), v.check((s) => {
  try {
    return new URL(s).origin === s
  } catch {
    return false
  }
}, 'url'))

export const feedSourceSchema = v.object({
  id: v.pipe(v.string('string'), v.regex(ID_PATTERN, 'id')),
  url: urlString,
  name: v.optional(v.string('string')),
  publicKey: v.optional(v.string('string')),
  rootKey: v.optional(v.string('string')),
  allowedOrigins: v.optional(v.array(originString, 'array')),
})

export const configSchema = v.object({
  /** one feed: the common case */
  feedUrl: v.optional(urlString),
  /** several villages on one kiosk */
  feeds: v.optional(v.pipe(v.array(feedSourceSchema, 'array'), v.minLength(1, 'non_empty_array'))),
  pollSeconds: v.optional(seconds(1), 300),
  idleSeconds: v.optional(seconds(5), 90),
  locale: v.optional(v.picklist(['zh-CN', 'en'], 'locale'), 'zh-CN'),
  /** Ed25519 public key for feedUrl (base64) */
  publicKey: v.optional(v.string('string')),
  /** the township root key for feedUrl (base64): may sign epoch records (docs/feed-format.md) */
  rootKey: v.optional(v.string('string')),
  /** origins besides each feed's own that its files and redirects may come from */
  allowedOrigins: v.optional(v.array(originString, 'array')),
  maxFeedBytes: v.optional(v.pipe(v.number('number'), v.integer('integer'), v.minValue(1024, 'positive')), 20 * 1024 * 1024),
  fetchTimeoutSeconds: v.optional(seconds(1), 30),
  kioskId: v.optional(v.string('string')),
  /** the secret the township console gave this kiosk at enrolment: uploads and heartbeats carry it */
  kioskToken: v.optional(v.pipe(v.string('string'), v.minLength(1, 'non_empty'))),
  /** the village this kiosk belongs to, as the console knows it (uploads name it) */
  villageCode: v.optional(v.pipe(v.string('string'), v.minLength(1, 'non_empty'))),
  statusUrl: v.optional(urlString),
  clerkUploadUrl: v.optional(urlString),
  clerkPinHash: v.optional(v.string('string')),
})

export type KioskConfig = v.InferOutput<typeof configSchema>

// the defaults live without valibot, for the entry chunk; a unit test checks they equal v.parse(configSchema, {})
export { DEFAULT_CONFIG } from './runtime'
