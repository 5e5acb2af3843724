/**
 * A page's main-thread CPU profile (DevTools protocol) and what ran in its
 * long tasks: for reading where an apply's long task goes without opening
 * DevTools (GONGKAI_APPLY_PROFILE, bench/apply.mjs).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** Starts the Profiler on `page`; the returned stop() gives the profile and the page time (ms) its first sample stands for. */
export async function startProfile(page, intervalUs = 200) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs })
  await cdp.send('Profiler.start')
  // the profile's clock is not the page's: take the page's time just after the start (off by a few ms at most)
  const startedAt = await page.evaluate(() => performance.now())
  return {
    async stop(file) {
      const { profile } = await cdp.send('Profiler.stop')
      await cdp.detach()
      if (file) {
        mkdirSync(dirname(file), { recursive: true })
        writeFileSync(file, JSON.stringify(profile))
      }
      return { profile, startedAt }
    },
  }
}

const label = (f) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`

/**
 * For each task [start, start + duration] (page time, ms): the functions with the most self time
 * and the most total time (a function counted once per sample it is on the stack of), ms.
 */
export function tasksBreakdown({ profile, startedAt }, tasks, n = 14) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map()
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id)
  // sample i's page time: the first sample is startedAt
  const times = []
  let t = 0
  for (const d of profile.timeDeltas) times.push((t += d))
  const t0 = times[0] ?? 0
  return tasks.map((task) => {
    const self = new Map()
    const total = new Map()
    profile.samples.forEach((id, i) => {
      const at = startedAt + (times[i] - t0) / 1000
      if (at < task.start || at > task.start + task.duration) return
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
      const key = label(byId.get(id).callFrame)
      self.set(key, (self.get(key) ?? 0) + ms)
      const seen = new Set()
      for (let k = id; k !== undefined; k = parent.get(k)) {
        const kk = label(byId.get(k).callFrame)
        if (seen.has(kk)) continue
        seen.add(kk)
        total.set(kk, (total.get(kk) ?? 0) + ms)
      }
    })
    const top = (m) => [...m].filter(([k]) => !k.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, n).map(([fn, ms]) => `${Math.round(ms * 10) / 10} ${fn}`)
    return { start: Math.round(task.start), duration: Math.round(task.duration), self: top(self), total: top(total) }
  })
}
