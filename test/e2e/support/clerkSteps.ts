/** Steps the clerk e2e tests share: the PIN pad, IndexedDB counts, and killing Chromium like a power cut. */
import type { BrowserContext, Page } from 'playwright-core'
import { execSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

export async function enterPin(page: Page, pin: string) {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).tap()
  await page.getByTestId('pin-ok').tap()
}

/** The main Chromium process running on a profile folder (not its renderers, not pgrep's shell). */
export function browserPid(profileDir: string): number {
  const out = execSync(`pgrep -f -- ${profileDir} || true`).toString().trim()
  const main = (out ? out.split('\n').map(Number) : []).find((pid) => {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
      const state = /^\d+ \(.*\) (\w)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1]
      return /chrom/.test(args[0] ?? '') && !args.some((a) => a.startsWith('--type=')) && state !== 'Z'
    } catch {
      return false
    }
  })
  if (!main) throw new Error(`no Chromium on ${profileDir}`)
  return main
}

/** kill -9 (no clean shutdown, like a power cut); resolves once the context has closed. */
export async function killBrowser(context: BrowserContext, pid: number) {
  const closed = new Promise((r) => context.once('close', r))
  process.kill(pid, 'SIGKILL')
  await closed
}

/** How many records an IndexedDB store of the kiosk holds. */
export function storeCount(page: Page, store: string): Promise<number> {
  return page.evaluate((name) => new Promise<number>((res, rej) => {
    const r = indexedDB.open('gongkai')
    r.onsuccess = () => {
      const c = r.result.transaction(name).objectStore(name).count()
      c.onsuccess = () => {
        res(c.result)
        r.result.close()
      }
      c.onerror = () => rej(c.error)
    }
  }), store)
}
