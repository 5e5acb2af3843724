#!/usr/bin/env node
/**
 * A throw-away PostgreSQL cluster for the township API tests and benchmarks.
 *
 *   node scripts/pg-cluster.mjs run [--port N] -- <command…>
 *
 * initdb + pg_ctl from /usr/lib/postgresql/<newest>/bin in a temp folder, on
 * 127.0.0.1 (first free port of 55432–55439 unless --port), runs the command
 * with TOWNSHIP_TEST_DATABASE_URL and DATABASE_URL set to it, then stops the
 * cluster and removes the folder. As root the server runs as `postgres`
 * (PostgreSQL refuses root). When PostgreSQL is absent and we are root on
 * Debian, it is installed with apt-get (said so on the terminal).
 */
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const isRoot = process.getuid?.() === 0

function pgBin() {
  const base = '/usr/lib/postgresql'
  if (!existsSync(base)) return null
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
  return versions[0] ? join(base, versions[0], 'bin') : null
}

export function ensurePostgres() {
  let bin = pgBin()
  if (bin) return bin
  if (isRoot && existsSync('/etc/debian_version')) {
    console.log('PostgreSQL not found: installing Debian\'s postgresql (apt-get install -y postgresql)')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env })
    bin = pgBin()
  }
  if (!bin) throw new Error('PostgreSQL is not installed (/usr/lib/postgresql/*/bin) and could not be installed')
  return bin
}

const free = (port) =>
  new Promise((resolve) => {
    const s = createServer()
    s.once('error', () => resolve(false))
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)))
  })

async function pickPort(wanted) {
  if (wanted) return wanted
  for (let p = 55432; p <= 55439; p++) if (await free(p)) return p
  throw new Error('no free port in 55432–55439')
}

/** Starts a cluster; returns its URL and a stop function. */
export async function startCluster(o = {}) {
  const bin = ensurePostgres()
  const port = await pickPort(o.port)
  const dir = mkdtempSync(join(tmpdir(), 'gk-pg-'))
  chmodSync(dir, 0o755)
  const asPg = (cmd, args) => {
    const full = join(bin, cmd)
    const r = isRoot ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' }) : spawnSync(full, args, { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`)
    return r
  }
  if (isRoot) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' })
    chownSync(dir, Number(pw.stdout.trim()), Number(gid.stdout.trim()))
  }
  const data = join(dir, 'data')
  asPg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale'])
  // small and quick: a test cluster need not survive a power cut
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50${o.extra ? ' ' + o.extra : ''}`
  asPg('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start'])
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    try {
      asPg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
    } catch (e) {
      console.error(String(e))
    }
    rmSync(dir, { recursive: true, force: true })
  }
  return { url, port, stop }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const args = process.argv.slice(2)
  const sep = args.indexOf('--')
  if (args[0] !== 'run' || sep < 0 || sep === args.length - 1) {
    console.error('usage: node scripts/pg-cluster.mjs run [--port N] -- <command…>')
    process.exit(2)
  }
  const pi = args.indexOf('--port')
  const port = pi >= 0 && pi < sep ? Number(args[pi + 1]) : undefined
  const cluster = await startCluster({ port })
  console.log(`PostgreSQL test cluster: ${cluster.url}`)
  const child = spawn(args[sep + 1], args.slice(sep + 2), { stdio: 'inherit', env: { ...process.env, TOWNSHIP_TEST_DATABASE_URL: cluster.url, DATABASE_URL: cluster.url } })
  const onSig = (sig) => child.kill(sig)
  process.on('SIGINT', onSig)
  process.on('SIGTERM', onSig)
  child.on('exit', (code, signal) => {
    cluster.stop()
    process.exit(code ?? (signal ? 1 : 0))
  })
}
