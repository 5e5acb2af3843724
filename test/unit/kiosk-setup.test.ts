/**
 * The hall machine's setup: kiosk/setup.sh passes shellcheck, and a dry run
 * (no container, no root) says everything it would do — install or find
 * Chromium, write config.json, the local server unit, the launcher with every
 * touch-safe flag and its restart loop, the autostart entry — and changes nothing.
 * npm run kiosk's dry run shows the same browser command.
 */
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(__dirname, '../..')
const setup = join(root, 'kiosk/setup.sh')
const flags = readFileSync(join(root, 'kiosk/chromium-flags.conf'), 'utf8')
  .split('\n')
  .map((l) => l.replace(/#.*/, '').trim())
  .filter(Boolean)

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-setup-'))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

describe('kiosk/setup.sh', () => {
  it('passes shellcheck', () => {
    const r = spawnSync('shellcheck', ['-x', setup], { encoding: 'utf8' })
    if (r.error) throw new Error('shellcheck is not installed (apt-get install shellcheck); .ci/run installs it')
    expect(r.stdout + r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  it('the chromium flags keep a resident inside the app', () => {
    for (const f of ['--kiosk', '--noerrdialogs', '--disable-pinch', '--overscroll-history-navigation=0', '--disable-component-update', '--no-first-run', '--check-for-update-interval=31536000']) expect(flags).toContain(f)
  })

  it('a dry run prints every step and the files it would write, and changes nothing', () => {
    const t = tempDir()
    try {
      const dist = join(t.dir, 'dist')
      mkdirSync(dist)
      writeFileSync(join(dist, 'index.html'), '<!doctype html>')
      const home = join(t.dir, 'home')
      mkdirSync(home)
      const r = spawnSync('bash', [setup, '--dry-run', '--serve', dist, '--port', '8080', '--feed-url', 'https://county.example.gov.cn/feeds/"tongxi".json', '--kiosk-id', '桂湾镇-桐溪村-1', '--status-url', 'https://county.example.gov.cn/kiosk-status', '--user', 'hall-kiosk-nobody', '--autologin'], {
        encoding: 'utf8',
        env: { ...process.env, HOME: home, PATH: process.env.PATH },
      })
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
      const out = r.stdout
      // Chromium: found, or installed with apt
      expect(out).toMatch(/found: \/\S*chrom|would run: apt-get install .*chromium/)
      // config.json beside the app, as valid JSON with the quote escaped
      const config = /would write .*dist\/config\.json.*\n((?: {4}\|.*\n)+)/.exec(out)
      expect(config).not.toBeNull()
      const json = JSON.parse(config![1]!.replace(/^ {4}\| ?/gm, ''))
      expect(json).toEqual({ feedUrl: 'https://county.example.gov.cn/feeds/"tongxi".json', kioskId: '桂湾镇-桐溪村-1', statusUrl: 'https://county.example.gov.cn/kiosk-status' })
      // the local server, restarted by systemd
      expect(out).toContain('would write /etc/systemd/system/gongkai-serve.service')
      expect(out).toContain(`--directory ${dist}`)
      expect(out).toContain('would run: systemctl enable --now gongkai-serve.service')
      // the launcher: every flag, the address, and the restart loop
      expect(out).toContain('would write /usr/local/bin/gongkai-kiosk (mode 755)')
      for (const f of flags) expect(out).toContain(f.replace(/,/g, '\\,'))
      expect(out).toContain('URL=http://127.0.0.1:8080/')
      // the hall's language and a font with ℃ ① ㎡ (issue 17)
      expect(flags).toContain('--lang=zh-CN')
      expect(out).toContain('export LANGUAGE=zh_CN:zh')
      expect(out).toMatch(/found: Noto Sans CJK|would run: .*apt-get install .*fonts-noto-cjk/)
      expect(out).toMatch(/found: Chromium zh-CN locale|would run: .*apt-get install .*chromium-l10n|chromium-browser/)
      expect(out).toMatch(/while true; do[\s\S]*sleep 3[\s\S]*done/)
      expect(out).toContain('autostart/gongkai-kiosk.desktop')
      expect(out).toContain('autologin-user=hall-kiosk-nobody')
      expect(out).toContain('dry run: nothing was changed')
      // nothing written
      expect(readdirSync(dist)).toEqual(['index.html'])
      expect(readdirSync(home)).toEqual([])
    } finally {
      t.remove()
    }
  })

  it('writes a Chromium managed policy that blocks every address but the app, the feed and allowed origins (issue 18 §1)', () => {
    const t = tempDir()
    try {
      const dist = join(t.dir, 'dist')
      mkdirSync(dist)
      writeFileSync(join(dist, 'index.html'), '<!doctype html>')
      const r = spawnSync('bash', [setup, '--dry-run', '--serve', dist, '--port', '8080', '--feed-url', 'https://county.example.gov.cn/feeds/v.json', '--allow-origin', 'https://files.example.gov.cn/x', '--browser', '/usr/bin/chromium', '--user', 'hall-kiosk-nobody'], { encoding: 'utf8', env: { ...process.env, HOME: t.dir } })
      expect(r.status, r.stderr).toBe(0)
      const policy = /would write \/etc\/chromium\/policies\/managed\/gongkai\.json.*\n((?: {4}\|.*\n)+)/.exec(r.stdout)
      expect(policy).not.toBeNull()
      const json = JSON.parse(policy![1]!.replace(/^ {4}\| ?/gm, ''))
      expect(json.URLBlocklist).toEqual(['*'])
      expect(json.URLAllowlist).toEqual(['http://127.0.0.1:8080', 'https://county.example.gov.cn', 'https://files.example.gov.cn'])
    } finally {
      t.remove()
    }
  })

  it('refuses bad input with a Chinese and English message', () => {
    const r = spawnSync('bash', [setup, '--dry-run', '--serve', '/nonexistent/dist'], { encoding: 'utf8' })
    expect(r.status).not.toBe(0)
    expect(r.stderr).toMatch(/错误 \/ error: .*不存在 \/ folder not found/)
    const r2 = spawnSync('bash', [setup, '--dry-run'], { encoding: 'utf8' })
    expect(r2.stderr).toContain('give --url or --serve')
    const r3 = spawnSync('bash', [setup, '--dry-run', '--url', 'https://x.example/', '--feed-url', 'https://x.example/f.json'], { encoding: 'utf8' })
    expect(r3.stderr).toContain('need --serve')
  })
})

describe('npm run kiosk', () => {
  it('with a display, would open Chromium with the same flags (dry run)', () => {
    const r = spawnSync('node', [join(root, 'scripts/kiosk.mjs'), '--dry-run'], { encoding: 'utf8', env: { ...process.env, DISPLAY: ':0', CHROMIUM_PATH: '/usr/bin/chromium', PORT: '4555' } })
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('would serve')
    const line = r.stdout.split('\n').find((l) => l.includes('would open'))!
    for (const f of flags) expect(line).toContain(f)
    expect(line).toContain('http://127.0.0.1:4555/')
  })

  it('without a display, only serves', () => {
    const env = { ...process.env }
    delete env.DISPLAY
    delete env.WAYLAND_DISPLAY
    const r = spawnSync('node', [join(root, 'scripts/kiosk.mjs'), '--dry-run'], { encoding: 'utf8', env })
    expect(r.stdout).toContain('no display')
    expect(r.stdout).not.toContain('would open')
  })
})
