/** validate FILE|URL: exit 0 when the feed is valid, 1 with every error by JSON path. */
import { parseFeedText } from '../../src/feed/validate'
import type { Io } from '../io'
import { readFeedText } from './load'
import { printIssues } from './report'

/** the document again, to quote offending values in the messages */
function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export async function validate(target: string, io: Io): Promise<number> {
  const text = await readFeedText(target)
  const r = parseFeedText(text)
  const doc = r.ok || r.errors[0]?.code?.startsWith('not_json') ? undefined : parsedOrUndefined(text)
  if (r.warnings.length) printIssues(io, '!', r.warnings, undefined, doc)
  if (!r.ok) {
    io.err(`✗ ${target}: 共 ${r.errors.length} 个错误 / ${r.errors.length} error(s)`)
    printIssues(io, '✗', r.errors, undefined, doc)
    return 1
  }
  io.out(`✓ ${target}: 格式正确 / valid (revision ${r.feed._gongkai?.revision ?? '—'}, ${r.feed.items.length} items)`)
  return 0
}
