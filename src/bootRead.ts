/**
 * Imported first by main.ts, so that this module and IndexedDB's code run before Vue's: the database opens
 * and the live records are read while the framework evaluates and the first screen's code loads, instead of
 * after the app has mounted (issue 19). A storage failure reads as nothing stored.
 */
import { getLiveRecords, type LiveRecord } from './db/liveRecords'

const started: Promise<LiveRecord[]> = getLiveRecords().catch((e: unknown) => {
  console.warn('stored content unreadable', e)
  return []
})

/** The records read at start (the same promise for everyone who asks). */
export function bootRecords(): Promise<LiveRecord[]> {
  return started
}
