/**
 * The real township console server (township/server/main.ts) on a free port
 * with PGlite in a temp folder: spawned as `npm run township` would, its
 * printed address and one-time setup link read from its output. The web
 * console is built fresh into a temp folder for each server (TOWNSHIP_WEB_DIR),
 * so a test never runs an old dist-township/ nor collides with someone's build;
 * set TOWNSHIP_WEB_DIR to test a build you made.
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const ROOT = join(__dirname, '../../..')

export interface TownshipServer {
  /** http://127.0.0.1:<port> (no trailing slash) */
  url: string
  /** http://…/#/setup?token=… on a fresh database, else null */
  setupLink: string | null
  output: () => string
  close(): Promise<void>
}

/** The web console built into a new temp folder (TOWNSHIP_WEB_DIR is vite's outDir in township/web/vite.config.ts). */
function buildWeb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-township-web-'))
  execSync('npm run build:township -- --logLevel warn', { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', TOWNSHIP_WEB_DIR: dir } })
  if (!existsSync(join(dir, 'index.html'))) throw new Error('the web console build wrote no index.html')
  return dir
}

export async function startTownshipServer(opts: { demo?: boolean; env?: Record<string, string> } = {}): Promise<TownshipServer> {
  const given = process.env.TOWNSHIP_WEB_DIR
  const webDir = given ?? buildWeb()
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-township-e2e-'))
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'township/server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', TOWNSHIP_DATA: dataDir, TOWNSHIP_WEB_DIR: webDir, TOWNSHIP_DEMO: opts.demo === false ? '0' : '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<void>((r) => child.once('exit', () => r()))

  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(t)
    }
    rmSync(dataDir, { recursive: true, force: true })
    if (!given) rmSync(webDir, { recursive: true, force: true })
  }

  // the address line comes first; on a fresh database the setup link follows it
  const started = Date.now()
  let url: string | null = null
  let urlSeenAt = 0
  let setupLink: string | null = null
  while (Date.now() - started < 90_000 && child.exitCode === null) {
    if (!url) {
      url = /township console: (http:\/\/[^\s/]+)\//.exec(out)?.[1] ?? null
      urlSeenAt = Date.now()
    }
    setupLink = /(http:\/\/\S+#\/setup\?token=\S+)/.exec(out)?.[1] ?? null
    if (url && (setupLink || Date.now() - urlSeenAt > 3_000)) break
    await new Promise((r) => setTimeout(r, 100))
  }
  if (!url) {
    await close()
    throw new Error(`the township server did not start:\n${out}`)
  }
  return { url, setupLink, output: () => out, close }
}
