import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { configSchema } from '../../../src/config/schema'
import { DEFAULT_CONFIG } from '../../../src/config/runtime'

describe('config defaults (kept out of valibot for the entry chunk)', () => {
  it('are exactly what the schema makes of an empty config.json', () => {
    expect(DEFAULT_CONFIG).toEqual(v.parse(configSchema, {}))
  })
})
