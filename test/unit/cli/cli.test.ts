/**
 * gongkai-feed from a township clerk's seat: init → lint → build → sign →
 * verify in a temp folder, each seeded mistake caught by lint and stopping
 * build, lint_ignore as the per-notice way out, validate/diff output, and the
 * bin answering through npx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createHash } from 'node:crypto'
import { decideTrust } from '../../../src/sync/trust'
import { normalizeFeed } from '../../../src/feed/normalize'
import { validateFeed } from '../../../src/feed/validate'
import { join } from 'node:path'
import { main } from '../../../cli/main'
import type { Io } from '../../../cli/io'
import { baseFeed } from '../../support/feeds'

let root: string
const NOW = new Date('2026-11-27T02:00:00Z')

function io() {
  const out: string[] = []
  const err: string[] = []
  const x: Io & { out: Io['out']; text: () => string; errText: () => string } = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    now: () => NOW,
    text: () => out.join('\n'),
    errText: () => err.join('\n'),
  }
  return x
}

async function run(...argv: string[]) {
  const t = io()
  const code = await main(argv, t)
  return { code, out: t.text(), err: t.errText() }
}

/** a fresh copy of the init example */
async function freshSource(name: string): Promise<string> {
  const dir = join(root, name)
  expect((await run('init', dir)).code).toBe(0)
  return dir
}

function edit(path: string, from: string | RegExp, to: string) {
  const text = readFileSync(path, 'utf8')
  const next = text.replace(from, to)
  expect(next, `${path}: ${from}`).not.toBe(text)
  writeFileSync(path, next)
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gongkai-cli-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('gongkai-feed round trip', () => {
  it('init → lint → build → sign → verify, then a second build raises the revision', async () => {
    const src = await freshSource('village')
    for (const p of ['village.json', 'checklist.csv', 'notices', 'handbook', 'attachments']) expect(existsSync(join(src, p))).toBe(true)
    expect(readFileSync(join(src, 'notices/N-003-停水通知.md'), 'utf8')).toContain('published: 2026-11-27 00:00')

    expect(await run('lint', src)).toMatchObject({ code: 0, out: expect.stringContaining('检查通过') })
    const out = join(root, 'village-out')
    const built = await run('build', src, '-o', out)
    expect(built.code, built.err).toBe(0)
    const feed = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'))
    expect(feed._gongkai.revision).toBe(1)
    const att = feed.items[0].attachments[0]
    expect(att.url).toBe(`files/${att._gongkai.sha256}.txt`)
    const pdf = feed.items[1].attachments[0]
    expect(pdf).toMatchObject({ mime_type: 'application/pdf', url: `files/${pdf._gongkai.sha256}.pdf` })
    expect(readdirSync(join(out, 'files')).sort()).toEqual([`${att._gongkai.sha256}.txt`, `${pdf._gongkai.sha256}.pdf`].sort())
    expect(att.size_in_bytes).toBe(readFileSync(join(src, 'attachments/低保申请须知.txt')).length)
    expect(feed.items[1]._gongkai.table.rows[0]).toEqual({ kind: 'opening', cells: ['期初余额', 299377.57] })
    expect(await run('validate', join(out, 'feed.json'))).toMatchObject({ code: 0 })
    // lint works on a built feed too, e.g. one received from elsewhere
    expect((await run('lint', join(out, 'feed.json'), '--today', '2026-11-27')).code).toBe(0)
    const leaked = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'))
    leaked.items[2].content_html += '<p>电话 13812345678</p>'
    writeFileSync(join(root, 'leaked.json'), JSON.stringify(leaked))
    expect(await run('lint', join(root, 'leaked.json'), '--today', '2026-11-27')).toMatchObject({ code: 1, err: expect.stringContaining('[privacy] N-003 items[2].html') })

    const keys = join(root, 'keys')
    expect((await run('keygen', '-o', keys)).code).toBe(0)
    expect((await run('keygen', '-o', keys)).code).toBe(2) // never overwrites a key
    expect((await run('sign', join(out, 'feed.json'), '--key', join(keys, 'gongkai-private.key'))).code).toBe(0)
    const pub = ['--pubkey-file', join(keys, 'gongkai-public.key')]
    expect(await run('verify', join(out, 'feed.json'), ...pub)).toMatchObject({ code: 0, out: expect.stringContaining('签名有效') })

    // a changed byte after signing, and a replaced attachment, are both caught
    const feedPath = join(out, 'feed.json')
    const original = readFileSync(feedPath)
    appendFileSync(feedPath, ' ')
    expect(await run('verify', feedPath, ...pub)).toMatchObject({ code: 1, err: expect.stringContaining('签名不符') })
    writeFileSync(feedPath, original)
    writeFileSync(join(out, att.url), 'replaced')
    expect(await run('verify', feedPath, ...pub)).toMatchObject({ code: 1, err: expect.stringContaining('SHA-256 不符') })

    edit(join(src, 'notices/N-003-停水通知.md'), 'title: 停水通知', 'title: 停水通知（更正）')
    expect((await run('build', src, '-o', out)).code).toBe(0)
    expect(JSON.parse(readFileSync(feedPath, 'utf8'))._gongkai.revision).toBe(2)
    expect((await run('build', src, '-o', out, '--revision', '2')).code).toBe(1)

    writeFileSync(join(root, 'rev1.json'), original)
    const d = await run('diff', join(root, 'rev1.json'), feedPath)
    expect(d.out).toContain('版本 revision 1 → 2')
    expect(d.out).toContain('~ 修改 changed 公告 notice: N-003「停水通知（更正）」: 标题 title')
    expect(d.out).toContain('共新增 0、修改 1、删除 0')
  })
})

describe('build pins every image the feed shows (issue 18 §2)', () => {
  it('a Markdown image in a notice gets its SHA-256 in _gongkai.files and is copied beside feed.json', async () => {
    const src = await freshSource('village-images')
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
    mkdirSync(join(src, 'images'))
    writeFileSync(join(src, 'images/stamped.png'), png)
    edit(join(src, 'notices/N-003-停水通知.md'), /\n---\n/, '\n---\n\n![盖章页](images/stamped.png)\n')
    const out = join(root, 'village-images-out')
    const built = await run('build', src, '-o', out)
    expect(built.code, built.err).toBe(0)
    const feed = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'))
    expect(feed._gongkai.files).toEqual([{ url: 'images/stamped.png', sha256: createHash('sha256').update(png).digest('hex') }])
    expect(readFileSync(join(out, 'images/stamped.png'))).toEqual(png)
    // an image that is not in the source folder cannot be pinned: nothing is written
    edit(join(src, 'notices/N-003-停水通知.md'), 'images/stamped.png', 'images/missing.png')
    expect(await run('build', src, '-o', join(root, 'village-images-out2'))).toMatchObject({ code: 1, err: expect.stringContaining('image not found: images/missing.png') })
  })
})

describe('epoch records (issue 18 §6, §7)', () => {
  it('epoch writes a record signed by the old key that a kiosk trusting the old key accepts for the new one', async () => {
    const src = await freshSource('village-epoch')
    const out = join(root, 'village-epoch-out')
    expect((await run('build', src, '-o', out)).code).toBe(0)
    const [oldKeys, newKeys] = [join(root, 'epoch-old'), join(root, 'epoch-new')]
    expect((await run('keygen', '-o', oldKeys)).code).toBe(0)
    expect((await run('keygen', '-o', newKeys)).code).toBe(0)
    const feedPath = join(out, 'feed.json')
    const e = await run('epoch', feedPath, '--number', '1', '--pubkey-file', join(newKeys, 'gongkai-public.key'), '--key', join(oldKeys, 'gongkai-private.key'))
    expect(e.code, e.err).toBe(0)
    const feed = JSON.parse(readFileSync(feedPath, 'utf8'))
    const newPub = readFileSync(join(newKeys, 'gongkai-public.key'), 'utf8').trim()
    const oldPub = readFileSync(join(oldKeys, 'gongkai-public.key'), 'utf8').trim()
    expect(feed._gongkai.epoch).toMatchObject({ number: 1, public_key: newPub })
    const checked = validateFeed(feed)
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    const content = normalizeFeed(checked.feed, 'https://township.example/feed.json')
    expect(await decideTrust({ publicKey: newPub }, content, { publicKey: oldPub, epoch: 0 })).toEqual({ resetRevision: true })
    expect(await run('epoch', feedPath, '--number', '0', '--pubkey', newPub, '--key', 'x')).toMatchObject({ code: 2 })
  })
})

describe('lint catches each seeded mistake and build refuses', () => {
  const cases: [string, (src: string) => void, string][] = [
    ['an unmasked ID number in a 低保 table', (s) => edit(join(s, 'notices/N-001-低保公示.csv'), '李*,1,520', '李* 11010519491231002X,1,520'), 'privacy'],
    ['a mobile number in a notice body', (s) => appendFileSync(join(s, 'notices/N-003-停水通知.md'), '\n联系电话 13812345678\n'), 'privacy'],
    ['a finance table that does not add up', (s) => edit(join(s, 'notices/N-002-财务公开.csv'), '期末,期末余额,357742.57', '期末,期末余额,357000'), 'finance-reconcile'],
    ['a 公示 without an end date', (s) => edit(join(s, 'notices/N-001-低保公示.md'), /expires: .*\n/, ''), 'publicity-no-end'],
    ['a 公示 shorter than its item requires', (s) => edit(join(s, 'notices/N-001-低保公示.md'), /expires: .*\n/, 'expires: 2026-11-28\n'), 'publicity-too-short'],
    ['a notice pointing at an unknown checklist item', (s) => edit(join(s, 'notices/N-003-停水通知.md'), 'checklist_item: CW-02', 'checklist_item: CW-99'), 'unknown-checklist-item'],
    ['expired content still pinned', (s) => edit(join(s, 'notices/N-003-停水通知.md'), /published: .*\nexpires: .*\n/, 'published: 2026-11-20 08:00\nexpires: 2026-11-26\npinned: true\n'), 'expired-pinned'],
  ]
  cases.forEach(([what, seed, rule], i) => {
    it(`${rule}: ${what}`, async () => {
      const src = await freshSource(`seed-${i}`)
      seed(src)
      const lint = await run('lint', src)
      expect(lint.code).toBe(1)
      expect(lint.err).toContain(`[${rule}]`)
      const out = join(root, `seed-${i}-out`)
      const b = await run('build', src, '-o', out)
      expect(b.code).toBe(1)
      expect(existsSync(join(out, 'feed.json'))).toBe(false)
    })
  })

  it('lint_ignore lets one notice through, still listed as ignored', async () => {
    const src = await freshSource('ignore')
    edit(join(src, 'notices/N-001-低保公示.md'), /expires: .*\n/, 'expires: 2026-11-28\nlint_ignore: [publicity-too-short]\n')
    const b = await run('build', src, '-o', join(root, 'ignore-out'))
    expect(b.code, b.err).toBe(0)
    expect(b.out).toContain('已按 lint_ignore 忽略 / ignored: [publicity-too-short] N-001')
  })
})

describe('validate, help and usage', () => {
  it('validate lists every error by JSON path and exits 1', async () => {
    const bad = join(root, 'bad.json')
    writeFileSync(bad, JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: '', items: [{ id: '', content_text: 'x', date_published: '2026-02-30T09:00:00+08:00' }] }))
    const r = await run('validate', bad)
    expect(r.code).toBe(1)
    expect(r.err).toContain('items[0].id')
    expect(r.err).toContain('items[0].date_published: 写成了 "2026-02-30T09:00:00+08:00"，可选字段格式不对，已忽略')
    expect(r.err).toContain('title: 写成了 ""，不能为空')
    expect(r.err).toContain('title')
    writeFileSync(bad, '<html>portal</html>')
    expect((await run('validate', bad)).code).toBe(1)
  })

  it('validate reads a URL, as kiosks do', async () => {
    const { createServer } = await import('node:http')
    const bodies: Record<string, string> = { '/ok.json': JSON.stringify(baseFeed(3)), '/portal': '<html>login</html>' }
    const server = createServer((req, res) => res.writeHead(bodies[req.url!] ? 200 : 404).end(bodies[req.url!] ?? ''))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const { port } = server.address() as { port: number }
    try {
      expect(await run('validate', `http://127.0.0.1:${port}/ok.json`)).toMatchObject({ code: 0, out: expect.stringContaining('revision 3') })
      expect(await run('validate', `http://127.0.0.1:${port}/portal`)).toMatchObject({ code: 1, err: expect.stringContaining('网页') })
      expect((await run('validate', `http://127.0.0.1:${port}/missing`)).code).toBe(2)
    } finally {
      server.close()
    }
  })

  it('--help in Chinese and English for every command; wrong usage exits 2', async () => {
    for (const c of ['init', 'build', 'validate', 'lint', 'keygen', 'sign', 'verify', 'diff']) {
      const r = await run(c, '--help')
      expect(r.code).toBe(0)
      expect(r.out).toMatch(/用法 \/ usage/)
      expect(r.out).toMatch(/[\u4e00-\u9fff]/)
    }
    expect((await run('--help')).out).toContain('diff [OLD] NEW')
    expect((await run('frobnicate')).code).toBe(2)
    expect((await run('build', join(root, 'x'))).code).toBe(2)
  })

  it('runs as `npx gongkai-feed` from the package bin', () => {
    const text = execFileSync('npx', ['--no-install', 'gongkai-feed', '--help'], { encoding: 'utf8', timeout: 30_000 })
    expect(text).toContain('gongkai-feed — 村务公开内容文件工具')
  })
})
