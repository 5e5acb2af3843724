/**
 * The heartbeat body (docs/heartbeat.md format 1) as a valibot schema, checked
 * against the kiosk's own Heartbeat type (src/fleet/heartbeat.ts): if that type
 * changes, this file stops compiling.
 */
import * as v from 'valibot'
import type { Heartbeat } from '../../../src/fleet/heartbeat'

const str = (max: number) => v.pipe(v.string('string'), v.maxLength(max, 'too_long'))
const iso = v.pipe(str(40), v.isoTimestamp('date_time'))
const count = v.nullable(v.pipe(v.number('number'), v.integer('integer'), v.minValue(0, 'non_negative')))
const error = v.nullable(v.object({ code: str(80), zh: str(500), en: str(500), at: str(40) }))

export const heartbeatSchema = v.object({
  format: v.literal(1, 'format'),
  id: v.pipe(str(64), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'id')),
  kioskId: str(100),
  village: v.nullable(str(200)),
  appVersion: str(80),
  contentRevision: count,
  lastSuccessfulSync: v.nullable(str(40)),
  lastError: error,
  storageUsed: count,
  storageQuota: count,
  uptime: v.pipe(v.number('number'), v.minValue(0, 'non_negative')),
  createdAt: iso,
  clockOk: v.boolean('boolean'),
  sources: v.pipe(
    v.array(
      v.object({
        id: str(200),
        village: v.nullable(str(200)),
        revision: count,
        generatedAt: v.nullable(str(40)),
        lastSuccessfulSync: v.nullable(str(40)),
        lastError: error,
      }),
      'array',
    ),
    v.maxLength(50, 'too_many'),
  ),
})

// the schema's output must be a Heartbeat (compile-time check only)
export const sameShape = (h: v.InferOutput<typeof heartbeatSchema>): Heartbeat => h
