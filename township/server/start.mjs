#!/usr/bin/env node
/**
 * npm run township: builds the web console first when dist-township/ is
 * missing and township/web/vite.config.ts exists, and the kiosk app (dist/,
 * which 本机预览 shows drafts in) when it is missing, then runs the server (tsx).
 */
import { spawnSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..')
const viteConfig = join(root, 'township/web/vite.config.ts')
if (!existsSync(join(root, 'dist-township/index.html')) && existsSync(viteConfig)) {
  console.log('building the web console (dist-township/)…')
  const r = spawnSync('npx', ['vite', 'build', '--config', viteConfig, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) console.log('web console build failed: starting the server without it')
}
if (!existsSync(join(root, 'dist/index.html')) && !process.env.GONGKAI_DIST) {
  console.log('building the kiosk app for 本机预览 (dist/)…')
  const r = spawnSync('npm', ['run', 'build', '--', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) console.log('kiosk build failed: 本机预览 will not be available')
}
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'township/server/main.ts')], { cwd: root, stdio: 'inherit' })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
