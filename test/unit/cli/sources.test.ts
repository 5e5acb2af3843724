/**
 * gongkai-feed build on files as Chinese offices make them: GBK from Excel and
 * Notepad builds into correct Chinese; every malformed input of issue 12 stops
 * the build with the file, the line and the value in its message, and nothing
 * is written to the output folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../../cli/main'
import type { Io } from '../../../cli/io'

let root: string
let n = 0
const NOW = new Date('2026-11-27T02:00:00Z')
const FIXTURES = new URL('../../fixtures/gbk/', import.meta.url)

async function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), now: () => NOW }
  const code = await main(argv, io)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

async function fresh(): Promise<{ src: string; out: string }> {
  const src = join(root, `src-${++n}`)
  expect((await run('init', src)).code).toBe(0)
  return { src, out: join(root, `out-${n}`) }
}

function edit(path: string, from: string | RegExp, to: string) {
  const text = readFileSync(path, 'utf8')
  const next = text.replace(from, to)
  expect(next, `${path}: ${from}`).not.toBe(text)
  writeFileSync(path, next)
}

const feedOf = (out: string) => JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'))

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gongkai-sources-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('files from Chinese offices', () => {
  it('a GBK checklist CSV (Excel "CSV (逗号分隔)") and a GBK Markdown notice (Notepad "ANSI") build into correct Chinese', async () => {
    const { src, out } = await fresh()
    copyFileSync(new URL('checklist.csv', FIXTURES), join(src, 'checklist.csv'))
    copyFileSync(new URL('N-004-村道公告.md', FIXTURES), join(src, 'notices/N-004-村道公告.md'))
    const r = await run('build', src, '-o', out)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const feed = feedOf(out)
    const item = feed.items.find((i: { id: string }) => i.id === 'N-004')
    expect(item.title).toBe('关于村道硬化工程的公告')
    expect(item.content_html).toContain('经村民代表会议讨论通过')
    expect(item.date_published).toBe('2026-11-20T09:30:00+08:00')
    expect(feed._gongkai.checklist[0]).toMatchObject({ id: 'CF-01', title: '财务收支情况', channels: ['村务公开栏', '电子触摸屏'], owner: '村委会', frequency: { type: 'monthly' } })
    expect(JSON.stringify(feed)).not.toContain('\uFFFD')
    // the date written as 2026/11/20 9:30 is noted in the output
    expect(r.out).toContain('notices/N-004-村道公告.md 第 5 行: published "2026/11/20 9:30" 读作 2026-11-20T09:30:00+08:00')
  })

  it.each([
    ['2026/12/5', '2026-12-05T23:59:59+08:00'],
    ['2026年12月5日', '2026-12-05T23:59:59+08:00'],
    ['2026-12-5', '2026-12-05T23:59:59+08:00'],
    ['2026.12.20', '2026-12-20T23:59:59+08:00'],
    ['2026年12月20日 18:00', '2026-12-20T18:00:00+08:00'],
  ])('expires: %s is understood as %s, with a note', async (written, read) => {
    const { src, out } = await fresh()
    edit(join(src, 'notices/N-003-停水通知.md'), /expires: .*\n/, `expires: ${written}\n`)
    const r = await run('build', src, '-o', out)
    expect(r.code).toBe(0)
    expect(feedOf(out).items.find((i: { id: string }) => i.id === 'N-003')._gongkai.expires).toBe(read)
    expect(r.out).toContain(`notices/N-003-停水通知.md 第 7 行: expires "${written}" 读作 ${read}`)
  })

  it('writes the canonical form: short forms in the source never reach feed.json', async () => {
    const { src, out } = await fresh()
    expect((await run('build', src, '-o', out)).code).toBe(0)
    const feed = feedOf(out)
    for (const c of feed._gongkai.checklist) expect(typeof c.frequency).toBe('object')
    for (const i of feed.items) for (const row of i._gongkai?.table?.rows ?? []) expect(Array.isArray(row)).toBe(false)
    expect(feed.items[0]._gongkai).toHaveProperty('urgent', false)
  })
})

type Mutate = (src: string) => void
const MALFORMED: [string, Mutate, string[]][] = [
  // [what, how, substrings the message must hold: file, line, value]
  ['a file in an encoding that is neither UTF-8 nor GBK', (s) => writeFileSync(join(s, 'notices/N-003-停水通知.md'), Buffer.concat([Buffer.from('---\nid: N-003\n'), Buffer.from([0x81, 0x20, 0xff, 0x0a])])),
    ['notices/N-003-停水通知.md 第 3 行', '文件编码无法识别', 'UTF-8']],
  ['a checklist row with a missing field', (s) => edit(join(s, 'checklist.csv'), '每月,,,村务公开栏；电子触摸屏', '每月,,村务公开栏；电子触摸屏'),
    ['checklist.csv 第 2 行', '这一行有 10 项，表头有 11 项', '“CF-01,finance,财务收支情况']],
  ['a table row with a missing cell', (s) => edit(join(s, 'notices/N-001-低保公示.csv'), '李*,1,520', '李*,520'),
    ['notices/N-001-低保公示.csv 第 3 行', '这一行有 2 项，表头有 3 项', '“李*,520”']],
  ['a colon inside a front-matter value', (s) => edit(join(s, 'notices/N-003-停水通知.md'), 'title: 停水通知', 'title: 停水通知: 东片'),
    ['notices/N-003-停水通知.md 第 3 行', 'title 的值“停水通知: 东片”里有冒号', 'title: "停水通知: 东片"']],
  ['a full-width colon after a key', (s) => edit(join(s, 'notices/N-003-停水通知.md'), 'urgent: true', 'urgent：true'),
    ['notices/N-003-停水通知.md 第 8 行', '中文冒号']],
  ['a date nobody can read', (s) => edit(join(s, 'notices/N-003-停水通知.md'), /expires: .*\n/, 'expires: 2026/13/5\n'),
    ['notices/N-003-停水通知.md 第 7 行: expires 写成了 "2026/13/5"，应写作 2026-10-05 或 2026-10-05T18:00:00+08:00']],
  ['a checklist frequency nobody can read', (s) => edit(join(s, 'checklist.csv'), ',每月,', ',每周,'),
    ['checklist.csv 第 2 行', 'frequency 写成了 "每周"']],
  ['a finance table headed 类别 that does not add up', (s) => { edit(join(s, 'notices/N-002-财务公开.csv'), '类型,项目', '类别,项目'); edit(join(s, 'notices/N-002-财务公开.csv'), '期末,期末余额,357742.57', '期末,期末余额,357000') },
    ['[finance-reconcile]', 'notices/N-002-财务公开.csv 第 9 行', '357000.00']],
  ['a finance-looking table without row kinds', (s) => writeFileSync(join(s, 'notices/N-002-财务公开.csv'), '项目,10月\n期初余额,100\n收入合计,50\n期末余额,150\n'),
    ['[finance-unchecked]', 'notices/N-002-财务公开.csv 第 1 行', '期初余额']],
  ['a 公示 without checklist_item', (s) => edit(join(s, 'notices/N-001-低保公示.md'), 'checklist_item: CW-01\n', ''),
    ['[publicity-unlinked]', 'notices/N-001-低保公示.md', '关于拟纳入最低生活保障对象的公示', 'checklist_item']],
  ['an attachment over the kiosk per-file limit', (s) => truncateSync(join(s, 'attachments/财务收支明细.pdf'), 21 * 1024 * 1024),
    ['notices/N-002-财务公开.md 第 9 行', '附件 "attachments/财务收支明细.pdf" 有 21 MB', '每个文件 20 MB 的上限']],
  ['an ID number with a wrong check digit', (s) => edit(join(s, 'notices/N-001-低保公示.csv'), '李*,1,520', '李* 340000195001010010,1,520'),
    ['[privacy]', 'notices/N-001-低保公示.csv 第 3 行', '表格第 2 行“李* 340000********0010”、第 1 列“户主姓名”', '校验位不对，可能是输错的身份证号']],
]

describe('malformed inputs stop build with file, line and value; nothing is written', () => {
  it.each(MALFORMED)('%s', async (_, mutate, expected) => {
    const { src, out } = await fresh()
    mutate(src)
    const r = await run('build', src, '-o', out)
    expect(r.code).toBe(1)
    for (const s of expected) expect(r.err).toContain(s)
    expect(r.err).not.toMatch(/at .*\.ts:\d+|YAMLParseError|Error:/)
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([])
  })
})

describe('revisions, keys and the live feed', () => {
  it('a build into a new folder continues from --previous FILE and refuses to go backwards', async () => {
    const { src, out } = await fresh()
    const live = join(root, 'live.json')
    expect((await run('build', src, '-o', out, '--revision', '41')).code).toBe(0)
    copyFileSync(join(out, 'feed.json'), live)
    const next = join(root, `new-folder-${n}`)
    const r = await run('build', src, '-o', next, '--previous', live)
    expect(r.code).toBe(0)
    expect(feedOf(next)._gongkai.revision).toBe(42)
    const back = join(root, `back-${n}`)
    const b = await run('build', src, '-o', back, '--previous', live, '--revision', '40')
    expect(b.code).toBe(1)
    expect(b.err).toContain('版本号 40 不高于上一版 41')
    expect(existsSync(back)).toBe(false)
    // without --previous a new folder starts at 1, and says so
    const first = await run('build', src, '-o', join(root, `first-${n}`))
    expect(first.out).toContain('从第 1 版开始。已发布过的村请加 --previous')
  })

  it('sign refuses the public key; a rebuilt feed.json warns that its .sig is stale', async () => {
    const { src, out } = await fresh()
    const keys = join(root, `keys-${n}`)
    expect((await run('keygen', '-o', keys)).code).toBe(0)
    expect((await run('build', src, '-o', out)).code).toBe(0)
    const pub = await run('sign', join(out, 'feed.json'), '--key', join(keys, 'gongkai-public.key'))
    expect(pub.code).toBe(2)
    expect(pub.err).toContain('是公钥，不能用来签名')
    const copied = join(root, `copied-${n}.key`)
    copyFileSync(join(keys, 'gongkai-public.key'), copied)
    copyFileSync(join(keys, 'gongkai-public.key'), join(root, 'gongkai-public.key'))
    expect((await run('sign', join(out, 'feed.json'), '--key', copied)).err).toContain('是公钥，不能用来签名')
    rmSync(join(root, 'gongkai-public.key'))
    expect((await run('sign', join(out, 'feed.json'), '--key', join(keys, 'gongkai-private.key'))).code).toBe(0)
    edit(join(src, 'notices/N-003-停水通知.md'), 'title: 停水通知', 'title: 停水通知（更正）')
    const rebuilt = await run('build', src, '-o', out)
    expect(rebuilt.code).toBe(0)
    expect(rebuilt.err).toContain('feed.json.sig 是上一版的签名，已不匹配新的 feed.json，请重新签名')
  })

  it('diff NEW compares with the live feed at its feed_url', async () => {
    const { src, out } = await fresh()
    const { createServer } = await import('node:http')
    expect((await run('build', src, '-o', out)).code).toBe(0)
    const liveText = readFileSync(join(out, 'feed.json'))
    const server = createServer((_, res) => res.end(liveText))
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
    try {
      const port = (server.address() as { port: number }).port
      edit(join(src, 'village.json'), '"home_page_url"', `"feed_url": "http://127.0.0.1:${port}/feed.json",\n  "home_page_url"`)
      edit(join(src, 'notices/N-003-停水通知.md'), 'title: 停水通知', 'title: 停水通知（更正）')
      expect((await run('build', src, '-o', out)).code).toBe(0)
      const d = await run('diff', join(out, 'feed.json'))
      expect(d.code).toBe(0)
      expect(d.out).toContain(`与线上版本比较 / comparing with the live feed: http://127.0.0.1:${port}/feed.json`)
      expect(d.out).toContain('N-003「停水通知（更正）」: 标题 title')
    } finally {
      server.close()
    }
  })
})
