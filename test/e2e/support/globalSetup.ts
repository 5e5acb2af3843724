/** End-to-end tests run against dist/: build it when it is missing (npm test always builds first). */
import { existsSync } from 'node:fs'
import { execSync } from 'node:child_process'
import { join } from 'node:path'

export default function setup() {
  const root = join(__dirname, '../../..')
  if (!process.env.GONGKAI_DIST && !existsSync(join(root, 'dist/index.html'))) execSync('npm run build', { cwd: root, stdio: 'inherit' })
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) throw new Error('Debian chromium is missing: apt-get install chromium fonts-wqy-microhei')
}
