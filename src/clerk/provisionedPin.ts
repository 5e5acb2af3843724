/**
 * The township's provisioned clerk PIN, checked by the service worker (src/sw.ts):
 * the page learns only whether one is provisioned and whether a PIN matches,
 * never the hash (issue 18 item 8; docs/hardening.md#clerk-pin).
 * null: no service worker answered (development, or a first start before it controls the page).
 */
/** a first start: how long to wait for the worker being installed to take the page */
const CONTROLLER_WAIT_MS = 15_000
const ANSWER_WAIT_MS = 15_000

async function controller(): Promise<ServiceWorker | null> {
  const sw = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined
  if (!sw) return null
  if (sw.controller) return sw.controller
  // no worker registered at all (development): nothing to wait for
  if (!(await sw.getRegistration().catch(() => undefined))) return null
  // a first start: the worker claims the page as it activates; until then a provisioned PIN cannot be checked
  return new Promise((resolve) => {
    const done = () => resolve(sw.controller)
    sw.addEventListener('controllerchange', done, { once: true })
    setTimeout(done, CONTROLLER_WAIT_MS)
  })
}

export async function askProvisionedPin(pin?: string): Promise<{ provisioned: boolean; ok?: boolean } | null> {
  const c = await controller()
  if (!c) return null
  const channel = new MessageChannel()
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ANSWER_WAIT_MS)
    channel.port1.onmessage = (e: MessageEvent<{ provisioned: boolean; ok?: boolean }>) => {
      clearTimeout(timer)
      resolve(e.data)
    }
    c.postMessage({ type: 'CLERK_PIN', ...(pin === undefined ? {} : { pin }) }, [channel.port2])
  })
}
