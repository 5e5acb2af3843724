/**
 * The kiosk's service worker (vite-plugin-pwa injectManifest).
 *
 * - Each app version's files (the shell) live in their own cache,
 *   gongkai-shell-<key>, so a new version downloads beside the running one.
 * - A new version waits until the page tells it to take over (SKIP_WAITING),
 *   which the page does only while nobody uses the kiosk (src/modules/pwa.ts).
 * - Page loads are served the new version until it has failed to report
 *   "started" MAX_ATTEMPTS times; then the last version that started is
 *   served again, from its own cache (src/serviceWorker/shellPolicy.ts).
 * - config.json: network first, the last answer when offline. Feeds and their
 *   files are not touched here: they live in IndexedDB.
 * - The provisioned clerk PIN hash (clerk-pin.json beside config.json, or a
 *   `clerkPinHash` still in config.json) never reaches the page: this worker
 *   strips it from config.json, answers the page's own requests for
 *   clerk-pin.json with 404, and checks PINs for the page on request
 *   (CLERK_PIN message). docs/hardening.md#clerk-pin.
 * - __gongkai/activate is an empty page answered here, never by the server: the
 *   page loads it in a hidden frame when a new version is slow to take over
 *   (src/modules/pwa.ts says why).
 */
import { parsePinHash, verifyPin } from './clerk/pin'
import { chooseShell, emptyShellState, manifestKey, noteServed, noteStarted, shellsToKeep, type ShellState } from './serviceWorker/shellPolicy'

interface ManifestEntry {
  url: string
  revision: string | null
}
// typed by the WebWorker lib (tsconfig.sw.json); the precache list is what injectManifest adds
declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: ManifestEntry[] }

const MANIFEST = self.__WB_MANIFEST
const SELF = manifestKey(MANIFEST)
const SELF_LABEL = __APP_VERSION__
const SHELL_PREFIX = 'gongkai-shell-'
const STATE_CACHE = 'gongkai-shell-state'
const STATE_URL = new URL('__gongkai/shell-state', self.registration.scope).href
const ACTIVATE_URL = new URL('__gongkai/activate', self.registration.scope).href
const CONFIG_CACHE = 'gongkai-config'
const CONFIG_TIMEOUT_MS = 4000
const PIN_URL = new URL('clerk-pin.json', self.registration.scope).href
/** where a clerkPinHash found in config.json is kept (older deployments put it there) */
const LEGACY_PIN_URL = new URL('__gongkai/config-pin', self.registration.scope).href

const shellCache = (key: string) => `${SHELL_PREFIX}${key}`
const absolute = (url: string) => new URL(url, self.location.href).href
const INDEX_URL = absolute('index.html')

// one writer at a time: navigations and messages may overlap
let stateLock: Promise<unknown> = Promise.resolve()
async function readState(): Promise<ShellState> {
  const res = await (await caches.open(STATE_CACHE)).match(STATE_URL)
  if (!res) return emptyShellState()
  try {
    return { ...emptyShellState(), ...((await res.json()) as Partial<ShellState>) }
  } catch {
    return emptyShellState()
  }
}
function updateState<T>(fn: (s: ShellState) => Promise<{ state: ShellState; result: T }> | { state: ShellState; result: T }): Promise<T> {
  const run = stateLock.then(async () => {
    const { state, result } = await fn(await readState())
    await (await caches.open(STATE_CACHE)).put(STATE_URL, new Response(JSON.stringify(state), { headers: { 'Content-Type': 'application/json' } }))
    return result
  })
  stateLock = run.catch(() => undefined)
  return run
}

async function install() {
  const cache = await caches.open(shellCache(SELF))
  await Promise.all(
    MANIFEST.map(async (entry) => {
      const url = absolute(entry.url)
      if (await cache.match(url)) return
      // hashed file names never change content: reuse a copy another version already has
      const existing = entry.revision === null ? await caches.match(url) : undefined
      const res = existing ?? (await fetch(new Request(url, { cache: 'reload', credentials: 'same-origin' })))
      if (!res.ok) throw new Error(`precache ${url}: HTTP ${res.status}`)
      await cache.put(url, res)
    }),
  )
}

async function deleteOldShells(state: ShellState) {
  const keep = new Set([...shellsToKeep(state, SELF)].map(shellCache))
  for (const name of await caches.keys()) {
    const stale = (name.startsWith(SHELL_PREFIX) && name !== STATE_CACHE && !keep.has(name)) || name.startsWith('workbox-precache')
    if (stale) await caches.delete(name)
  }
}

async function serveNavigation(e: FetchEvent): Promise<Response> {
  const state = await readState()
  const goodExists = state.good ? await caches.has(shellCache(state.good)) : false
  const key = await updateState((s) => {
    const choice = chooseShell(s, SELF, SELF_LABEL, goodExists, new Date())
    return { state: noteServed(choice.state, e.resultingClientId, choice.key), result: choice.key }
  })
  const cached = await (await caches.open(shellCache(key))).match(INDEX_URL)
  return cached ?? fetch(e.request)
}

async function serveFile(request: Request): Promise<Response> {
  const own = await (await caches.open(shellCache(SELF))).match(request)
  const any = own ?? (await caches.match(request, { ignoreSearch: false }))
  return any ?? fetch(request)
}

/** config.json without clerkPinHash; the hash is kept where only this worker reads it */
async function withoutPinHash(res: Response, cache: Cache): Promise<Response> {
  if (!res.ok) return res
  const text = await res.text()
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return new Response(text, { status: res.status, headers: res.headers })
  }
  if (!doc || typeof doc !== 'object' || !('clerkPinHash' in doc)) {
    await cache.delete(LEGACY_PIN_URL)
    return new Response(text, { status: res.status, headers: res.headers })
  }
  const { clerkPinHash, ...rest } = doc as Record<string, unknown>
  await cache.put(LEGACY_PIN_URL, new Response(JSON.stringify({ clerkPinHash })))
  return new Response(JSON.stringify(rest), { status: res.status, headers: res.headers })
}

async function serveConfig(request: Request): Promise<Response> {
  const cache = await caches.open(CONFIG_CACHE)
  try {
    const fetched = await Promise.race([
      fetch(request),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), CONFIG_TIMEOUT_MS)),
    ])
    const res = await withoutPinHash(fetched, cache)
    if (res.ok) await cache.put(request, res.clone())
    return res
  } catch (err) {
    const cached = await cache.match(request)
    if (cached) return cached
    throw err
  }
}

/** The provisioned PIN hash: clerk-pin.json (network first, the last answer offline), else config.json's. */
async function provisionedPinHash(): Promise<string | null> {
  const cache = await caches.open(CONFIG_CACHE)
  let res: Response | undefined
  try {
    const got = await Promise.race([
      fetch(PIN_URL, { cache: 'no-store', credentials: 'same-origin' }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), CONFIG_TIMEOUT_MS)),
    ])
    if (got.ok) {
      await cache.put(PIN_URL, got.clone())
      res = got
    } else if (got.status === 404) await cache.delete(PIN_URL)
  } catch {
    res = await cache.match(PIN_URL)
  }
  res ??= await cache.match(LEGACY_PIN_URL)
  if (!res) return null
  try {
    const h = ((await res.json()) as { clerkPinHash?: unknown }).clerkPinHash
    return typeof h === 'string' && parsePinHash(h) ? h : null
  } catch {
    return null
  }
}

const inShell = new Set(MANIFEST.map((e) => absolute(e.url)))

self.addEventListener('install', (e: ExtendableEvent) => e.waitUntil(install()))

self.addEventListener('activate', (e: ExtendableEvent) => {
  e.waitUntil(
    (async () => {
      await deleteOldShells(await readState())
      await self.clients.claim()
    })(),
  )
})

self.addEventListener('fetch', (e: FetchEvent) => {
  const { request } = e
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (request.mode === 'navigate' && url.href === ACTIVATE_URL) {
    // answered at once, so this worker is idle again right away and Chromium can retire it
    e.respondWith(new Response('<!doctype html><title>gongkai</title>', { headers: { 'Content-Type': 'text/html; charset=utf-8' } }))
    return
  }
  if (request.mode === 'navigate') {
    e.respondWith(serveNavigation(e))
    return
  }
  if (url.pathname.endsWith('/config.json')) {
    e.respondWith(serveConfig(request))
    return
  }
  if (url.pathname.endsWith('/clerk-pin.json')) {
    // the page never reads the provisioned hash
    e.respondWith(new Response('', { status: 404 }))
    return
  }
  url.search = ''
  if (inShell.has(url.href) || (url.pathname.includes('/assets/') && url.href.startsWith(self.registration.scope))) e.respondWith(serveFile(request))
})

self.addEventListener('message', (e: ExtendableMessageEvent) => {
  const data = e.data as { type?: string } | null
  if (data?.type === 'SKIP_WAITING') {
    void self.skipWaiting()
  } else if (data?.type === 'GONGKAI_STARTED') {
    // a page (Client) reports; a worker or port has no client id
    const clientId = e.source && 'id' in e.source ? e.source.id : ''
    e.waitUntil(
      updateState(async (s) => {
        const r = noteStarted(s, clientId, SELF, SELF_LABEL)
        if (r.changed) await deleteOldShells(r.state)
        return { state: r.state, result: undefined }
      }),
    )
  } else if (data?.type === 'CLERK_PIN') {
    // whether a PIN is provisioned and, when one is given, whether it matches: never the hash itself
    const pin = (data as { pin?: unknown }).pin
    e.waitUntil(
      provisionedPinHash().then(async (hash) => {
        const ok = hash && typeof pin === 'string' ? await verifyPin(pin, hash) : undefined
        e.ports[0]?.postMessage({ provisioned: hash !== null, ...(ok === undefined ? {} : { ok }) })
      }),
    )
  } else if (data?.type === 'GONGKAI_SHELL_STATE') {
    e.waitUntil(
      readState().then((s) => e.ports[0]?.postMessage({ self: SELF, selfLabel: SELF_LABEL, good: s.good, goodLabel: s.good ? (s.labels[s.good] ?? null) : null, bad: s.bad, rolledBack: s.rolledBack })),
    )
  }
})
