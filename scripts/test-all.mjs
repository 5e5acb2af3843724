#!/usr/bin/env node
/**
 * npm test: every test. Unit and component tests (vitest; the township API
 * suite on PGlite among them), the township API suite again on a throw-away
 * PostgreSQL cluster (scripts/pg-cluster.mjs), then a fresh build, then
 * end-to-end tests against it in Debian's Chromium (installed first when
 * missing and run as root on Debian; else the npm-shipped Chromium 109, see
 * scripts/e2e-browser.mjs). Prints the plain total
 * "N passed, N failed" as its last line and exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { e2eBrowserEnv } from './e2e-browser.mjs'

const root = new URL('..', import.meta.url).pathname
const out = join(root, 'test-results')
mkdirSync(out, { recursive: true })
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env })
  return r.status ?? 1
}

function count(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, missing: true }
  const j = JSON.parse(readFileSync(file, 'utf8'))
  // a file that failed to load has no tests but counts as a failure
  const suitesFailed = (j.testResults ?? []).filter((s) => s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed')).length
  return { passed: j.numPassedTests ?? 0, failed: (j.numFailedTests ?? 0) + suitesFailed }
}

const only = process.argv[2] // "unit" | "e2e" | undefined (both)
const totals = { passed: 0, failed: 0 }
const started = Date.now()

if (only !== 'e2e') {
  rmSync(join(out, 'unit.json'), { force: true })
  run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(out, 'unit.json')}`])
  const c = count(join(out, 'unit.json'))
  console.log(`unit: ${c.passed} passed, ${c.failed} failed${c.missing ? ' (no report)' : ''}`)
  totals.passed += c.passed
  totals.failed += c.failed
}

if (only !== 'e2e') {
  // the township API suite a second time, on a throw-away PostgreSQL cluster (the unit run above used PGlite)
  rmSync(join(out, 'township-pg.json'), { force: true })
  run('node', ['scripts/pg-cluster.mjs', 'run', '--', 'npx', 'vitest', 'run', 'test/township', '--reporter=default', '--reporter=json', `--outputFile.json=${join(out, 'township-pg.json')}`])
  const c = count(join(out, 'township-pg.json'))
  console.log(`township on PostgreSQL: ${c.passed} passed, ${c.failed} failed${c.missing ? ' (no report)' : ''}`)
  totals.passed += c.passed
  totals.failed += c.failed
}

if (only !== 'unit') {
  const built = run('node', ['scripts/demo-feed.mjs']) === 0 && run('npx', ['vite', 'build', '--logLevel', 'warn']) === 0
  if (!built) {
    console.log('build failed')
    totals.failed += 1
  } else {
    // the browser and fonts the end-to-end tests need: found, installed (root on Debian) or the npm-shipped Chromium 109
    Object.assign(env, e2eBrowserEnv())
    rmSync(join(out, 'e2e.json'), { force: true })
    run('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${join(out, 'e2e.json')}`])
    const c = count(join(out, 'e2e.json'))
    console.log(`e2e: ${c.passed} passed, ${c.failed} failed${c.missing ? ' (no report)' : ''}`)
    totals.passed += c.passed
    totals.failed += c.failed
  }
}

console.log(`time: ${Math.round((Date.now() - started) / 1000)} s`)
console.log(`${totals.passed} passed, ${totals.failed} failed`)
process.exit(totals.failed ? 1 : 0)
