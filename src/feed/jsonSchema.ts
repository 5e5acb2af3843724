/** JSON Schema of feed format v1, derived from the valibot schema (the one source). */
import { toJsonSchema } from '@valibot/to-json-schema'
import { cellSchema, feedSchema } from './schema'

export function feedJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(feedSchema, { errorMode: 'ignore', target: 'draft-2020-12', definitions: { cell: cellSchema } }) as Record<string, unknown>
  return {
    ...schema,
    $id: 'https://gongkai.invalid/feed.schema.json',
    title: 'gongkai feed v1 (JSON Feed 1.1 + _gongkai)',
    description: '村务公开订阅格式 v1 / village affairs disclosure feed, format v1. See docs/feed-format.md.',
  }
}
