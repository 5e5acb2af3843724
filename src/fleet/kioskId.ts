/**
 * This kiosk's id: config.kioskId (given at enrolment), else an id made once
 * on this machine and kept in IndexedDB, so heartbeats and uploads from a
 * kiosk without one still come from one stable sender.
 */
import { kvGet, kvSet } from '../db'

const KIOSK_ID_KEY = 'fleet.kioskId'

export async function resolveKioskId(configured: string | undefined): Promise<string> {
  if (configured) return configured
  let id = await kvGet<string>(KIOSK_ID_KEY)
  if (!id) {
    id = `kiosk-${[...crypto.getRandomValues(new Uint8Array(4))].map((b) => b.toString(16).padStart(2, '0')).join('')}`
    await kvSet(KIOSK_ID_KEY, id)
  }
  return id
}
