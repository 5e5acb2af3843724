/** validate FILE|URL: exit 0 when the feed is valid, 1 with every error by JSON path. */
import { parseFeedText } from '../../src/feed/validate'
import type { Io } from '../io'
import { readFeedBytes } from './load'
import { printIssues } from './report'

export async function validate(target: string, io: Io): Promise<number> {
  const bytes = await readFeedBytes(target)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    io.err(`✗ ${target}: 不是 UTF-8 文本 / not UTF-8 text`)
    return 1
  }
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
