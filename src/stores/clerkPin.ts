/**
 * The clerk PIN gate and its lockout: the PIN hash in force (set on this kiosk
 * or provisioned by the township and checked by the service worker), and the
 * lock state written to two records so deleting one does not unlock.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { CLERK_KV, kvGet, kvSet } from '../db'
import { hashPin, isWellFormedPin, pinHashInForce, verifyPin } from '../clerk/pin'
import { askProvisionedPin } from '../clerk/provisionedPin'
import { UNLOCKED, afterWrongPin, isLocked, restoreLockState, strictest, type LockState } from '../clerk/lockout'
import { useConfigStore } from './config'
import { useClockStore } from './clock'

export type PinResult = 'ok' | 'wrong' | 'locked'

export const useClerkPinStore = defineStore('clerkPin', () => {
  const config = useConfigStore()
  const clock = useClockStore()

  /** the PIN hash in force: set on this kiosk (kv) or provisioned by config.json */
  const pinHash = shallowRef<string | null>(null)
  const lock = shallowRef<LockState>(UNLOCKED)
  /** the township provisioned the PIN: the service worker checks it (the page never holds that hash) */
  const provisionedInWorker = shallowRef(false)
  const needsPinSetup = computed(() => !provisionedInWorker.value && pinHash.value === null)
  const locked = computed(() => isLocked(lock.value, clock.now.getTime()))

  /** the kiosk-set hash, from the PIN record (or the older lone key) */
  let ownHash: string | null = null
  /** settles once the service worker said whether the township provisioned a PIN */
  let workerAnswered: Promise<void> = Promise.resolve()

  /**
   * Reads the PIN and lock records. With a PIN in force on this kiosk the pad is the same either way
   * (enter a PIN), so this does not wait for the service worker — which, just after site data was
   * cleared, may still be installing; tryPin waits for it instead. Without one, whether to set a PIN
   * or enter the township's depends on its answer.
   */
  async function loadPinState() {
    const record = await kvGet<{ hash?: unknown; lock?: unknown }>(CLERK_KV.pin)
    const legacy = await kvGet<string>(CLERK_KV.pinHash)
    ownHash = typeof record?.hash === 'string' ? record.hash : typeof legacy === 'string' ? legacy : null
    // config.clerkPinHash reaches the page only where no service worker strips it (development)
    pinHash.value = pinHashInForce(config.config.clerkPinHash, ownHash ?? undefined)
    lock.value = strictest(restoreLockState(await kvGet(CLERK_KV.lock)), restoreLockState(record?.lock))
    workerAnswered = askProvisionedPin().then((a) => {
      provisionedInWorker.value = a?.provisioned === true
    })
    if (pinHash.value === null) await workerAnswered
  }

  /** The lock state into both records: deleting one of them does not unlock. */
  async function writeLock(state: LockState) {
    lock.value = state
    await kvSet(CLERK_KV.lock, state)
    await kvSet(CLERK_KV.pin, { hash: ownHash, lock: state })
  }

  /** Sets this kiosk's PIN; false (nothing written) while locked, for a malformed PIN, or when the township provisions it. */
  async function setPin(pin: string): Promise<boolean> {
    await workerAnswered
    // no new PIN while locked (the lock may come from either record)
    if (isLocked(lock.value, Date.now()) || !isWellFormedPin(pin) || provisionedInWorker.value) return false
    const h = await hashPin(pin)
    ownHash = h
    await kvSet(CLERK_KV.pin, { hash: h, lock: lock.value })
    pinHash.value = pinHashInForce(config.config.clerkPinHash, h)
    return true
  }

  async function tryPin(pin: string): Promise<PinResult> {
    await workerAnswered
    const now = Date.now()
    if (isLocked(lock.value, now) || (!pinHash.value && !provisionedInWorker.value)) return 'locked'
    const ok = provisionedInWorker.value ? (await askProvisionedPin(pin))?.ok === true : await verifyPin(pin, pinHash.value!)
    if (ok) {
      await writeLock(UNLOCKED)
      return 'ok'
    }
    await writeLock(afterWrongPin(lock.value, Date.now()))
    return isLocked(lock.value, Date.now()) ? 'locked' : 'wrong'
  }

  return { pinHash, lock, locked, needsPinSetup, loadPinState, setPin, tryPin }
})
