/**
 * Writes public/feed.schema.json from the valibot schema (src/feed/schema.ts),
 * for editors that complete and check feed files. `npm run schema`; a unit test
 * fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { feedJsonSchema } from '../src/feed/jsonSchema'

const out = fileURLToPath(new URL('../public/feed.schema.json', import.meta.url))
writeFileSync(out, JSON.stringify(feedJsonSchema(), null, 2) + '\n')
console.log(`wrote ${out}`)
