/**
 * build DIR -o OUT: OUT/feed.json plus OUT/files/<sha256><ext>, the revision
 * one above the last published one (OUT/feed.json, or --previous URL|FILE).
 * Source problems and lint errors stop it (per-notice lint_ignore aside); a
 * feed the kiosk would refuse is never written, and nothing in OUT changes.
 * The feed is written in its canonical form (the validator's output).
 */
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, normalize, sep } from 'node:path'
import { imagesToPin, withPinnedFiles } from '../../src/feed/pinFiles'
import { lintDocument } from '../../src/feed/lint'
import { validateFeed } from '../../src/feed/validate'
import { formatProblem } from '../../src/import/problem'
import { chinaDay, type Io } from '../io'
import { lastRevision, loadSource, readFeedText, revisionOf } from './load'
import { printIssues, printLint, printProblems, type Locate } from './report'
import type { FeedDocument } from '../../src/feed/schema'

export interface BuildOptions {
  revision?: number
  /** the live feed (URL or file) whose revision this one must follow */
  previous?: string
}

async function previousRevision(out: string, previous: string | undefined, io: Io): Promise<number | null> {
  const local = lastRevision(out)
  if (!previous) return local
  const text = await readFeedText(previous)
  const r = revisionOf(text)
  if (r === null) {
    io.err(`✗ --previous ${previous}: 读不出版本号（_gongkai.revision），不是本工具生成的订阅？ / has no _gongkai.revision`)
    return null
  }
  io.out(`  上一版 / previous: ${previous} 第 ${r} 版`)
  return Math.max(r, local)
}

export async function build(dir: string, out: string, io: Io, opts: BuildOptions = {}): Promise<number> {
  const previous = await previousRevision(out, opts.previous, io)
  if (previous === null) return 1
  if (previous === 0 && opts.revision === undefined) {
    io.out(`  · ${out} 中没有上一版 feed.json，从第 1 版开始。已发布过的村请加 --previous <线上 feed.json 地址>，否则一体机会拒收 / no previous feed.json in ${out}: starting at revision 1. If this village has published before, add --previous <live feed URL>, or kiosks will refuse it`)
  }
  const revision = opts.revision ?? previous + 1
  if (revision <= previous) {
    io.err(`✗ 版本号 ${revision} 不高于上一版 ${previous}，一体机会拒绝 / revision ${revision} is not above the last published one (${previous}); kiosks would refuse it`)
    return 1
  }
  const src = loadSource(dir, io, revision)
  for (const n of src.notes) io.out(`  · ${formatProblem(n)}`)
  if (src.problems.length) {
    printProblems(io, src.problems)
    io.err(`✗ 共 ${src.problems.length} 处问题，未生成 / ${src.problems.length} problem(s): nothing written`)
    return 1
  }
  const feed = checkedFeed(src.document, io, chinaDay(io.now()), { ignore: src.ignore, locate: src.locate })
  if (!feed) return 1
  // every image the feed shows is pinned by its SHA-256 (_gongkai.files): a signed feed's kiosks refuse one without
  const images: { url: string; path: string; sha256: string }[] = []
  const problems: string[] = []
  for (const url of imagesToPin(feed)) {
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
  const document = images.length ? withPinnedFiles(feed, images.map(({ url, sha256 }) => ({ url, sha256 }))) : feed
  mkdirSync(join(out, 'files'), { recursive: true })
  for (const f of src.files) copyFileSync(f.path, join(out, f.target))
  for (const img of images) {
    mkdirSync(dirname(join(out, img.url)), { recursive: true })
    copyFileSync(img.path, join(out, img.url))
  }
  const feedPath = join(out, 'feed.json')
  const sigPath = `${feedPath}.sig`
  const hadSig = existsSync(sigPath) && existsSync(feedPath)
  const before = hadSig ? readFileSync(feedPath, 'utf8') : ''
  const text = feedText(document)
  writeFileSync(feedPath, text)
  io.out(`✓ 已生成 ${feedPath}：第 ${revision} 版，${feed.items.length} 条公告，${src.files.length} 个附件，${images.length} 张图片 / built revision ${revision}`)
  if (hadSig && before !== text) io.err(`! ${sigPath} 是上一版的签名，已不匹配新的 feed.json，请重新签名 / ${sigPath} signs the previous feed.json and no longer matches: sign again`)
  io.out(`  下一步 / next: npx gongkai-feed sign ${feedPath}`)
  return 0
}

/**
 * The bytes of feed.json for a document, or null (the reasons printed) when
 * the lint finds errors or the kiosk's validator would refuse it. The CLI's
 * build and the township console's publish both go through here.
 */
/**
 * Lint, then the kiosk's own validator: the feed in its canonical form, or null
 * after printing why. The CLI's build and the township console's publishing
 * both go through here, so a feed is judged one way.
 */
export function checkedFeed(document: Record<string, unknown>, io: Io, today: string, o: { ignore?: Record<string, string[]>; locate?: Locate } = {}): FeedDocument | null {
  const lint = lintDocument(document, { today, ignore: o.ignore ?? {} })
  printLint(io, lint, o.locate, document)
  if (lint.errors) {
    io.err('✗ 有错误，未生成。改正后重试，或对确需例外的公告写 lint_ignore / errors: nothing written. Fix them, or add lint_ignore to a notice that is a true exception')
    return null
  }
  const checked = validateFeed(document)
  if (!checked.ok) {
    printIssues(io, '✗', checked.errors, o.locate, document)
    return null
  }
  return checked.feed
}

/** A checked feed as it is written and signed. */
export const feedText = (feed: FeedDocument): string => JSON.stringify(feed, null, 2) + '\n'

/** checkedFeed as the bytes to sign (the console's publishing). */
export function feedBytes(document: Record<string, unknown>, io: Io, today: string, ignore: Record<string, string[]> = {}): Uint8Array | null {
  const feed = checkedFeed(document, io, today, { ignore })
  return feed && new TextEncoder().encode(feedText(feed))
}
