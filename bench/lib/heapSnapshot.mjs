/**
 * A heap snapshot of a page through the DevTools protocol, summarised: the
 * largest groups of objects by self size (type and constructor name), to see
 * what holds memory after the heap benchmark's walk (GONGKAI_HEAP_SNAPSHOT=<file>).
 */
import { writeFileSync } from 'node:fs'

/** @param {import('playwright-core').Page} page @param {string} file the raw snapshot; the summary goes to `<file>.txt` */
export async function snapshotSummary(page, file, top = 40) {
  const cdp = await page.context().newCDPSession(page)
  const parts = []
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => parts.push(e.chunk))
  try {
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  } finally {
    await cdp.detach().catch(() => undefined)
  }
  const raw = parts.join('')
  writeFileSync(file, raw)
  const snap = JSON.parse(raw)
  const { node_fields: fields, node_types: [types] } = snap.snapshot.meta
  const F = fields.length
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f))
  const groups = new Map()
  let total = 0
  for (let i = 0; i < snap.nodes.length; i += F) {
    const type = types[snap.nodes[i + iType]]
    const name = type === 'string' || type === 'concatenated string' || type === 'sliced string' ? '(strings)' : snap.strings[snap.nodes[i + iName]]
    const key = `${type} ${name}`.slice(0, 90)
    const size = snap.nodes[i + iSize]
    total += size
    const g = groups.get(key) ?? { n: 0, size: 0 }
    g.n++
    g.size += size
    groups.set(key, g)
  }
  const rows = [...groups].sort((a, b) => b[1].size - a[1].size).slice(0, top)
  const text = [`total self size ${(total / 1e6).toFixed(2)} MB`, ...rows.map(([k, g]) => `${(g.size / 1e6).toFixed(2).padStart(7)} MB ${String(g.n).padStart(8)}  ${k}`)].join('\n')
  writeFileSync(`${file}.txt`, text + '\n')
  return text
}
