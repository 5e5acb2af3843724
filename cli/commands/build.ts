/**
 * build DIR -o OUT: OUT/feed.json plus OUT/files/<sha256><ext>, the revision
 * one above OUT's last build. Lint errors stop it (per-notice lint_ignore
 * aside); a feed the kiosk would refuse is never written.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { lintDocument } from '../../src/feed/lint'
import { validateFeed } from '../../src/feed/validate'
import { chinaDay, type Io } from '../io'
import { lastRevision, loadSource } from './load'
import { printIssues, printLint } from './report'

export function build(dir: string, out: string, io: Io, opts: { revision?: number } = {}): number {
  const previous = lastRevision(out)
  const revision = opts.revision ?? previous + 1
  if (revision <= previous) {
    io.err(`✗ 版本号 ${revision} 不高于上一版 ${previous}，一体机会拒绝 / revision ${revision} is not above the last build (${previous}); kiosks would refuse it`)
    return 1
  }
  const src = loadSource(dir, io, revision)
  if (src.problems.length) {
    for (const p of src.problems) io.err(`  ✗ ${p}`)
    io.err('✗ 未生成 / nothing written')
    return 1
  }
  const bytes = feedBytes(src.document, io, chinaDay(io.now()), src.ignore)
  if (!bytes) return 1
  mkdirSync(join(out, 'files'), { recursive: true })
  for (const f of src.files) copyFileSync(f.path, join(out, f.target))
  const feedPath = join(out, 'feed.json')
  writeFileSync(feedPath, bytes)
  io.out(`✓ 已生成 ${feedPath}：第 ${revision} 版，${(src.document.items as unknown[]).length} 条公告，${src.files.length} 个附件 / built revision ${revision}`)
  io.out(`  下一步 / next: npx gongkai-feed sign ${feedPath}`)
  return 0
}

/**
 * The bytes of feed.json for a document, or null (the reasons printed) when
 * the lint finds errors or the kiosk's validator would refuse it. The CLI's
 * build and the township console's publish both go through here.
 */
export function feedBytes(document: Record<string, unknown>, io: Io, today: string, ignore: Record<string, string[]> = {}): Uint8Array | null {
  const lint = lintDocument(document, { today, ignore })
  printLint(io, lint)
  if (lint.errors) {
    io.err('✗ 有错误，未生成。改正后重试，或对确需例外的公告写 lint_ignore / errors: nothing written. Fix them, or add lint_ignore to a notice that is a true exception')
    return null
  }
  const checked = validateFeed(document)
  if (!checked.ok) {
    printIssues(io, '✗', checked.errors)
    return null
  }
  return new TextEncoder().encode(JSON.stringify(document, null, 2) + '\n')
}
