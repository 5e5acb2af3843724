import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { feedJsonSchema } from '../../../src/feed/jsonSchema'

describe('public/feed.schema.json', () => {
  it('is generated from the valibot schema and up to date (npm run schema)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../../public/feed.schema.json'), 'utf8'))
    expect(committed).toEqual(feedJsonSchema())
  })
  it('describes the _gongkai extension and the frequency kinds', () => {
    const s = JSON.stringify(feedJsonSchema())
    for (const word of ['_gongkai', 'revision', 'checklist', 'quarterly', 'publicity', 'expires']) expect(s).toContain(word)
  })
})
