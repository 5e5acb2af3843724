#!/usr/bin/env node
/**
 * npm run kiosk: serves the built app (dist/, built first if missing) and,
 * when this machine has a display ($DISPLAY or $WAYLAND_DISPLAY), opens it in
 * Chromium the way a hall kiosk runs it — full screen with the touch-safe
 * flags of kiosk/chromium-flags.conf — and starts Chromium again if it dies.
 *   npm run kiosk -- --dry-run     prints what it would do
 *   npm run kiosk -- --no-browser  only serves
 * PORT (4173), HOST (127.0.0.1), CHROMIUM_PATH and GONGKAI_PROFILE are read from the environment.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const args = new Set(process.argv.slice(2))
const dryRun = args.has('--dry-run')
const port = Number(process.env.PORT ?? 4173)
const host = process.env.HOST ?? '127.0.0.1'

/** the flags from kiosk/chromium-flags.conf (one per line, # comments) */
export function kioskFlags(file = join(root, 'kiosk/chromium-flags.conf')) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean)
}

function findBrowser() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' })
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim()
  }
  return null
}

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
const profile = process.env.GONGKAI_PROFILE ?? join(homedir(), '.local/share/gongkai-kiosk/profile')
const url = `http://${host}:${port}/`
const browser = hasDisplay && !args.has('--no-browser') ? findBrowser() : null
// Chromium refuses to run as root without --no-sandbox (a developer's container; hall machines use a normal user)
const asRoot = process.getuid?.() === 0
const browserArgs = [...kioskFlags(), ...(asRoot ? ['--no-sandbox'] : []), `--user-data-dir=${profile}`, url]

if (dryRun) {
  if (!existsSync(join(dist, 'index.html'))) console.log('[dry-run] would build: npm run build')
  console.log(`[dry-run] would serve ${dist} at ${url}`)
  if (args.has('--no-browser')) console.log('[dry-run] --no-browser: would not open a browser')
  else if (!hasDisplay) console.log('[dry-run] no display ($DISPLAY / $WAYLAND_DISPLAY): would only serve')
  else if (!browser) console.log('[dry-run] no Chromium found: would only serve (install chromium, or set CHROMIUM_PATH)')
  else console.log(`[dry-run] would open (and restart when it exits): ${[browser, ...browserArgs].join(' ')}`)
  process.exit(0)
}

if (!existsSync(join(dist, 'index.html'))) {
  console.log('dist/ 不存在，先构建 / dist/ missing: building first')
  const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  if (b.status !== 0) process.exit(b.status ?? 1)
}

const { startStaticServer } = await import('./static-server.mjs')
const server = await startStaticServer({ root: dist, port, host })
console.log(`gongkai kiosk: ${server.url}`)

let child = null
let stopping = false
function openBrowser() {
  mkdirSync(profile, { recursive: true })
  // Chinese UI and 年/月/日 date fields: Chromium on Linux takes its UI language from LANGUAGE (with --lang=zh-CN)
  child = spawn(browser, browserArgs, { stdio: 'ignore', env: { ...process.env, LANGUAGE: 'zh_CN:zh' } })
  child.on('exit', (code, signal) => {
    if (stopping) return
    console.log(`浏览器已退出（${signal ?? code}），3 秒后重启 / browser exited (${signal ?? code}), restarting in 3 s`)
    setTimeout(openBrowser, 3000)
  })
}
if (browser) {
  console.log(`打开 / opening: ${browser} --kiosk … ${url}`)
  openBrowser()
} else if (!hasDisplay) console.log('没有显示器（$DISPLAY / $WAYLAND_DISPLAY），只提供服务 / no display: serving only')
else if (!args.has('--no-browser')) console.log('未找到 Chromium，只提供服务 / no Chromium found: serving only')
console.log('按 Ctrl+C 停止 / press Ctrl+C to stop')

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    stopping = true
    child?.kill('SIGTERM')
    await server.close()
    process.exit(0)
  })
}
