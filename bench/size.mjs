/**
 * Size: gzip bytes of what index.html loads eagerly (entry scripts, CSS,
 * modulepreload and their static imports) and of every lazy chunk.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const gz = (buf) => gzipSync(buf, { level: 9 }).length
const STATIC_IMPORT = /(?:^|[;\s})])import\s*(?:[\w$*{}\s,]+?from\s*)?["']\.\/([^"']+\.js)["']/g

export function measureSize(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map((m) => m[1])
  const eager = new Set()
  const visit = (rel) => {
    if (eager.has(rel)) return
    eager.add(rel)
    if (!rel.endsWith('.js')) return
    const code = readFileSync(join(dist, rel), 'utf8')
    for (const m of code.matchAll(STATIC_IMPORT)) visit(`assets/${m[1]}`)
  }
  refs.forEach(visit)
  const files = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`)
  const info = (rel) => {
    const buf = readFileSync(join(dist, rel))
    return { file: rel, bytes: buf.length, gzip: gz(buf) }
  }
  const eagerFiles = [...eager].map(info)
  const sum = (xs, ext) => xs.filter((x) => x.file.endsWith(ext)).reduce((a, x) => a + x.gzip, 0)
  const lazy = files.filter((f) => !eager.has(f)).map(info).sort((a, b) => b.gzip - a.gzip)
  return { initialJsGzip: sum(eagerFiles, '.js'), initialCssGzip: sum(eagerFiles, '.css'), eager: eagerFiles, lazy }
}
