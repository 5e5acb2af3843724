/** End-to-end tests run against dist/: build it when it is missing (npm test always builds first). */
import { existsSync } from 'node:fs'
import { execSync } from 'node:child_process'
import { join } from 'node:path'
import { chromium109Path } from './chromium109'

export default function setup() {
  const root = join(__dirname, '../../..')
  // vitest sets NODE_ENV=test, and Vite builds with it: import.meta.env.PROD false, no service worker registered
  if (!process.env.GONGKAI_DIST && !existsSync(join(root, 'dist/index.html'))) execSync('npm run build', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (process.env.GONGKAI_E2E_BROWSER === 'chromium109') chromium109Path()
  else if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) throw new Error('Debian chromium is missing: run npm test (it installs it as root on Debian) or apt-get install chromium chromium-l10n fonts-noto-cjk')
}
