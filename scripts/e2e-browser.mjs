/**
 * What npm test needs for its end-to-end tests, found or brought (issue 17):
 * Debian's chromium with its Chinese locale files and a CJK font that has
 * ℃ ① ㎡ (fonts-noto-cjk). Missing on Debian as root: installed with apt-get,
 * saying so. Otherwise (not root, not Debian, or apt-get failed): the Chromium
 * 109 shipped in the npm package @sparticuz/chromium is the browser.
 * Returns the environment the end-to-end run needs.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
const fonts = () => (has('fc-list') ? spawnSync('fc-list', [], { encoding: 'utf8' }).stdout : '')

export function e2eBrowserEnv({ log = console.log } = {}) {
  if (process.env.CHROMIUM_PATH || process.env.GONGKAI_E2E_BROWSER) return {}
  const need = []
  if (!existsSync('/usr/bin/chromium')) need.push('chromium')
  if (!existsSync('/usr/lib/chromium/locales/zh-CN.pak')) need.push('chromium-l10n')
  if (!/Noto Sans CJK/i.test(fonts())) need.push('fonts-noto-cjk')
  if (!need.length) return {}
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  if (root && existsSync('/etc/debian_version') && has('apt-get')) {
    log(`npm test: installing what the end-to-end tests need with apt-get: ${need.join(' ')}`)
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    const ok =
      spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env }).status === 0 &&
      spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...need], { stdio: 'inherit', env }).status === 0
    if (ok && existsSync('/usr/bin/chromium')) return {}
    log('npm test: apt-get did not install chromium')
  } else if (existsSync('/usr/bin/chromium')) {
    log(`npm test: missing ${need.join(' ')} (not root on Debian, so not installed); some glyph and locale tests may fail`)
    return {}
  }
  log('npm test: no Debian chromium; using the Chromium 109 of the npm package @sparticuz/chromium as the browser')
  if (need.includes('fonts-noto-cjk')) log('npm test: no CJK font found (fonts-noto-cjk): Chinese text renders as boxes and the glyph test fails')
  return { GONGKAI_E2E_BROWSER: 'chromium109' }
}
