/** validate FILE|URL: exit 0 when the feed is valid, 1 with every error by JSON path. */
import { parseFeedText } from '../../src/feed/validate'
import type { Io } from '../io'
import { readFeedText } from './load'
import { printIssues } from './report'

export async function validate(target: string, io: Io): Promise<number> {
  const text = await readFeedText(target)
  const r = parseFeedText(text)
  if (r.warnings.length) printIssues(io, '!', r.warnings)
  if (!r.ok) {
    io.err(`✗ ${target}: 共 ${r.errors.length} 个错误 / ${r.errors.length} error(s)`)
    printIssues(io, '✗', r.errors)
    return 1
  }
  io.out(`✓ ${target}: 格式正确 / valid (revision ${r.feed._gongkai?.revision ?? '—'}, ${r.feed.items.length} items)`)
  return 0
}
