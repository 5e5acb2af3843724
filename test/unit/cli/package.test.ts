/**
 * gongkai-feed as a township installs it: `npm run pack:cli` gives a tarball,
 * `npm i -g ./gongkai-feed-*.tgz` installs it (offline: it has no dependencies,
 * everything is compiled in), and it runs outside this repository without tsx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = fileURLToPath(new URL('../../..', import.meta.url))
let root: string

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'gongkai-pack-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('the installable CLI', () => {
  it('packs, installs with npm i -g from the tarball, and runs --help, init and build outside the repository', () => {
    execFileSync('npm', ['run', 'pack:cli', '--', '--pack-destination', root], { cwd: repo, stdio: 'pipe', timeout: 120_000 })
    const tgz = readdirSync(root).find((f) => /^gongkai-feed-.*\.tgz$/.test(f))
    expect(tgz).toBeDefined()
    const prefix = join(root, 'prefix')
    const work = join(root, 'work')
    mkdirSync(work)
    // a clean environment: no repository, no node_modules/.bin on PATH
    const env = { HOME: process.env.HOME ?? root, PATH: `${join(prefix, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin`, npm_config_cache: process.env.npm_config_cache ?? join(process.env.HOME ?? root, '.npm') }
    execFileSync('npm', ['i', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, join(root, tgz!)], { cwd: work, env, stdio: 'pipe', timeout: 120_000 })
    const installed = join(prefix, 'lib', 'node_modules', 'gongkai-feed')
    expect(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).dependencies).toBeUndefined()
    expect(existsSync(join(installed, 'node_modules'))).toBe(false)
    const run = (...args: string[]) => execFileSync('gongkai-feed', args, { cwd: work, env, encoding: 'utf8', timeout: 30_000 })
    expect(run('--help')).toContain('gongkai-feed — 村务公开内容文件工具')
    run('init', '青石村')
    expect(run('build', '青石村', '-o', 'out')).toContain('第 1 版')
    const feed = JSON.parse(readFileSync(join(work, 'out', 'feed.json'), 'utf8'))
    expect(feed._gongkai.village.name).toBe('青石村')
  })
})
