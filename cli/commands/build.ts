/**
 * build DIR -o OUT: OUT/feed.json plus OUT/files/<sha256><ext>, the revision
 * one above OUT's last build. Lint errors stop it (per-notice lint_ignore
 * aside); a feed the kiosk would refuse is never written.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, normalize, sep } from 'node:path'
import { imagesToPin, withPinnedFiles } from '../../src/feed/pinFiles'
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
  const lint = lintDocument(src.document, { today: chinaDay(io.now()), ignore: src.ignore })
  printLint(io, lint)
  if (lint.errors) {
    io.err('✗ 有错误，未生成。改正后重试，或对确需例外的公告写 lint_ignore / errors: nothing written. Fix them, or add lint_ignore to a notice that is a true exception')
    return 1
  }
  const checked = validateFeed(src.document)
  if (!checked.ok) {
    printIssues(io, '✗', checked.errors)
    return 1
  }
  // every image the feed shows is pinned by its SHA-256 (_gongkai.files): a signed feed's kiosks refuse one without
  const images: { url: string; path: string; sha256: string }[] = []
  const problems: string[] = []
  for (const url of imagesToPin(checked.feed)) {
    const path = normalize(join(dir, url))
    if (/^[a-z]+:/i.test(url) || !path.startsWith(normalize(dir) + sep)) problems.push(`图片应放在源文件夹中 / an image must be a file in the source folder: ${url}`)
    else if (!existsSync(path)) problems.push(`找不到图片 / image not found: ${url}`)
    else images.push({ url, path, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') })
  }
  if (problems.length) {
    for (const p of problems) io.err(`  ✗ ${p}`)
    io.err('✗ 未生成 / nothing written')
    return 1
  }
  const document = images.length ? withPinnedFiles(src.document, images.map(({ url, sha256 }) => ({ url, sha256 }))) : src.document
  mkdirSync(join(out, 'files'), { recursive: true })
  for (const f of src.files) copyFileSync(f.path, join(out, f.target))
  for (const img of images) {
    mkdirSync(dirname(join(out, img.url)), { recursive: true })
    copyFileSync(img.path, join(out, img.url))
  }
  const feedPath = join(out, 'feed.json')
  writeFileSync(feedPath, JSON.stringify(document, null, 2) + '\n')
  io.out(`✓ 已生成 ${feedPath}：第 ${revision} 版，${(src.document.items as unknown[]).length} 条公告，${src.files.length} 个附件，${images.length} 张图片 / built revision ${revision}`)
  io.out(`  下一步 / next: npx gongkai-feed sign ${feedPath}`)
  return 0
}
