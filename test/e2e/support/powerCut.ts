/**
 * A power cut for e2e tests: every Chromium process on a profile folder killed
 * at once (SIGKILL to the browser's process group: Playwright starts Chromium
 * as a group leader), then waiting, bounded, until the context has closed and
 * no process of that browser is left writing to the profile. Killing only the
 * main process left its storage service running on: it went on flushing
 * IndexedDB (not a power cut) and held the profile while the next browser
 * started on it.
 */
import type { BrowserContext } from 'playwright-core'
import { readdirSync, readFileSync } from 'node:fs'

/** Chromium processes running on this profile folder: [pid, argv], zombies left out. */
export function chromiumOnProfile(profileDir: string): Array<[number, string[]]> {
  const procs: Array<[number, string[]]> = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')
      if (!/chrom/.test(args[0] ?? '') || !args.includes(`--user-data-dir=${profileDir}`)) continue
      const state = /^\d+ \(.*\) (\w)/.exec(readFileSync(`/proc/${entry}/stat`, 'utf8'))?.[1]
      if (state !== 'Z') procs.push([Number(entry), args])
    } catch {
      // gone meanwhile
    }
  }
  return procs
}

/** The browser's main process on a profile folder (the one without --type=). */
export function browserPid(profileDir: string): number {
  const main = chromiumOnProfile(profileDir).find(([, args]) => !args.some((a) => a.startsWith('--type=')))
  if (!main) throw new Error(`no Chromium on ${profileDir}`)
  return main[0]
}

const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`power cut: ${what} not within ${ms} ms`)), ms))])

/**
 * kill -9 to the whole browser (`pid`: its main process, found beforehand when the moment of the kill matters);
 * resolves once the context has closed and none of its processes is left.
 */
export async function cutPower(context: BrowserContext | null, profileDir: string, pid = browserPid(profileDir)): Promise<void> {
  const closed = context ? new Promise<void>((r) => context.once('close', () => r())) : Promise.resolve()
  process.kill(-pid, 'SIGKILL')
  // a child that left the group (none should) goes too
  for (const [p] of chromiumOnProfile(profileDir)) {
    try {
      process.kill(p, 'SIGKILL')
    } catch {
      // gone meanwhile
    }
  }
  await within(closed, 30_000, 'the browser context closing')
  const deadline = Date.now() + 15_000
  while (chromiumOnProfile(profileDir).length) {
    if (Date.now() > deadline) throw new Error(`power cut: Chromium processes still on ${profileDir}: ${chromiumOnProfile(profileDir).map(([p]) => p).join(', ')}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
