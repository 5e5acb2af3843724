/**
 * The township's provisioned clerk PIN, checked by the service worker (src/sw.ts):
 * the page learns only whether one is provisioned and whether a PIN matches,
 * never the hash (issue 18 item 8; docs/hardening.md#clerk-pin).
 * null: no service worker answered (development, or none became active in time).
 */
/** a first start: how long to wait for the worker being installed to become active */
const ACTIVE_WAIT_MS = 15_000
const ANSWER_WAIT_MS = 15_000

/**
 * The worker to ask. It need not control the page: an active worker answers
 * messages either way, so a first start (the worker activates and claims the
 * page later) and a hard reload (never controlled) ask it without waiting for
 * 'controllerchange' — an event that may also have fired already.
 */
async function activeWorker(): Promise<ServiceWorker | null> {
  const sw = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined
  if (!sw) return null
  if (sw.controller) return sw.controller
  const reg = await sw.getRegistration().catch(() => undefined)
  if (reg?.active) return reg.active
  // development registers no worker: nothing to wait for. A built app registers one after its first screen.
  if (!reg && !import.meta.env.PROD) return null
  const ready = sw.ready.then((r) => r.active)
  const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), ACTIVE_WAIT_MS))
  return Promise.race([ready, late])
}

export async function askProvisionedPin(pin?: string): Promise<{ provisioned: boolean; ok?: boolean } | null> {
  const worker = await activeWorker()
  if (!worker) return null
  const channel = new MessageChannel()
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ANSWER_WAIT_MS)
    channel.port1.onmessage = (e: MessageEvent<{ provisioned: boolean; ok?: boolean }>) => {
      clearTimeout(timer)
      resolve(e.data)
    }
    worker.postMessage({ type: 'CLERK_PIN', ...(pin === undefined ? {} : { pin }) }, [channel.port2])
  })
}
